package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.auth.ApiToken;
import dev.weft.server.auth.NewApiToken;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRole;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/tokens} of a server, over the JDK's HTTP client, with {@code Authorization:
 * Bearer} when a token is given. An HTTPS server's certificate is checked against the JVM's trust
 * store ({@code -Djavax.net.ssl.trustStore=...} for a private CA). A refusal becomes an {@link
 * ApiCallException} with the problem's type and detail.
 */
final class TokenApiClient implements TokenAdmin {
  private final URI base;
  private final String token;
  private final HttpClient http;

  TokenApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Reads an address: {@code http://host:port} or {@code https://host:port}.
   *
   * @throws IllegalArgumentException naming the address and what was expected
   */
  static URI address(String address) {
    URI uri;
    try {
      uri = URI.create(address.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--address '"
              + address
              + "' is not a URL: expected http://host:port or https://host:port");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--address '" + address + "': expected http://host:port or https://host:port");
    }
    return uri;
  }

  @Override
  public NewApiToken create(String name, ApiRole role, Set<String> namespaces) throws IOException {
    ObjectNode body = ApiJson.MAPPER.createObjectNode();
    body.put("name", name);
    body.put("role", role.name());
    namespaces.forEach(body.putArray("namespaces")::add);
    JsonNode created = send("POST", "/api/v1/tokens", body.toString(), 201);
    return new NewApiToken(token(created), created.path("token").asText());
  }

  @Override
  public List<ApiToken> list() throws IOException {
    List<ApiToken> tokens = new ArrayList<>();
    for (JsonNode t : send("GET", "/api/v1/tokens", null, 200).path("tokens")) {
      tokens.add(token(t));
    }
    return tokens;
  }

  @Override
  public ApiToken revoke(String tokenId) throws IOException {
    String path =
        "/api/v1/tokens/" + URLEncoder.encode(tokenId, StandardCharsets.UTF_8) + "/revoke";
    return token(send("POST", path, null, 200));
  }

  private JsonNode send(String method, String path, String json, int expected) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null && !token.isBlank()) {
      b.header("Authorization", "Bearer " + token.strip());
    }
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + base, e);
    } catch (IOException e) {
      throw new IOException("cannot reach the API at " + base + ": " + e, e);
    }
    JsonNode answer;
    try {
      answer = ApiJson.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new IOException(
          method + " " + path + " answered " + r.statusCode() + " with a body that is not JSON");
    }
    if (r.statusCode() != expected) {
      String type = answer.path("type").asText("");
      throw new ApiCallException(
          r.statusCode(),
          type.substring(type.lastIndexOf('/') + 1),
          answer.path("detail").asText(r.body()));
    }
    return answer;
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
