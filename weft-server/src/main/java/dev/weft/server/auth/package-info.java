/**
 * Authentication and authorization of the HTTP API: API tokens ({@link
 * dev.weft.server.auth.ApiTokens}: create, list, revoke; secrets shown once, stored as SHA-256
 * hashes in the store's api-tokens extension) and the check every route with a role goes through
 * ({@link dev.weft.server.auth.ApiAccess}: 401 without a valid token, 403 for a role too low or a
 * namespace the token is not bound to). Turned on with {@link
 * dev.weft.server.WeftServerOptions#withTokenAuth}.
 */
package dev.weft.server.auth;
