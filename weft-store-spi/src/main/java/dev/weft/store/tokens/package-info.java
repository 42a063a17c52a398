/**
 * API tokens of the HTTP server, kept by a store extension: {@link
 * dev.weft.store.tokens.InsertApiToken} and {@link dev.weft.store.tokens.RevokeApiToken} write
 * them, {@link dev.weft.store.tokens.StoredApiTokens} reads them (through {@link
 * dev.weft.store.Store#extension}). The store keeps a token's SHA-256 hash, never its secret.
 */
package dev.weft.store.tokens;
