package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.auth.ApiToken;
import dev.weft.server.auth.NewApiToken;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/tokens} of a server through {@link ApiHttp} (the CLI's one HTTP client: bearer
 * token, JSON, refusals without the token). A refusal becomes an {@link ApiCallException} with the
 * status, the problem's type and its detail.
 */
final class TokenApiClient implements TokenAdmin {
  private final ApiHttp api;

  TokenApiClient(ApiHttp api) {
    this.api = api;
  }

  @Override
  public NewApiToken create(String name, ApiRole role, Set<String> namespaces) {
    ObjectNode body = ApiJson.MAPPER.createObjectNode();
    body.put("name", name);
    body.put("role", role.name());
    namespaces.forEach(body.putArray("namespaces")::add);
    JsonNode created = call(() -> api.post("api/v1/tokens", body));
    return new NewApiToken(token(created), created.path("token").asText());
  }

  @Override
  public List<ApiToken> list() {
    List<ApiToken> tokens = new ArrayList<>();
    for (JsonNode t : call(() -> api.get("api/v1/tokens")).path("tokens")) {
      tokens.add(token(t));
    }
    return tokens;
  }

  @Override
  public ApiToken revoke(String tokenId) {
    String path = "api/v1/tokens/" + URLEncoder.encode(tokenId, StandardCharsets.UTF_8) + "/revoke";
    return token(call(() -> api.post(path, Map.of())));
  }

  private interface Call {
    JsonNode run() throws ApiHttp.Refused;
  }

  /** A refusal as an {@link ApiCallException} (exit code 2 for a 400, else 1). */
  private static JsonNode call(Call call) {
    try {
      return call.run();
    } catch (ApiHttp.Refused e) {
      throw new ApiCallException(e.status(), e.getMessage());
    }
  }

  private static ApiToken token(JsonNode t) {
    Set<String> namespaces = new HashSet<>();
    t.path("namespaces").forEach(n -> namespaces.add(n.asText()));
    return new ApiToken(
        t.path("tokenId").asText(),
        t.path("name").asText(),
        ApiRole.valueOf(t.path("role").asText()),
        namespaces,
        Instant.parse(t.path("createdAt").asText()),
        t.hasNonNull("revokedAt") ? Instant.parse(t.path("revokedAt").asText()) : null);
  }
}
