package dev.weft.cli;

import dev.weft.server.auth.ApiToken;
import dev.weft.server.auth.NewApiToken;
import dev.weft.server.http.ApiRole;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * What {@code weft token} does, on a store directly ({@link dev.weft.server.auth.ApiTokens} of the
 * store) or through a server's API ({@link TokenApiClient}).
 */
interface TokenAdmin {

  /** Creates a token and returns it with its secret. */
  NewApiToken create(String name, ApiRole role, Set<String> namespaces) throws IOException;

  /** Every token, oldest first. */
  List<ApiToken> list() throws IOException;

  /** Revokes a token and returns it. */
  ApiToken revoke(String tokenId) throws IOException;
}
