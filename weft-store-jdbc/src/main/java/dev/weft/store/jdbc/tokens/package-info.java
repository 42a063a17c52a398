/**
 * The api-tokens store extension ({@link dev.weft.store.jdbc.tokens.ApiTokensExtension}): the SQL
 * side of {@link dev.weft.store.tokens}, the HTTP API's tokens.
 */
package dev.weft.store.jdbc.tokens;
