package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.client.WeftClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Calls the namespace's routes of one Weft server: JSON in and out, the bearer token on every
 * request, refusals handed to {@link Problems}. Thread-safe.
 */
final class ApiTransport implements AutoCloseable {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final boolean ownsHttp;
  private final String address;
  private final String base;
  private final String authorization;
  private final Duration requestTimeout;

  ApiTransport(String address, String token, WeftClientOptions options) {
    this.address = normalized(address);
    this.base = this.address + "/api/v1/namespaces/" + segment(options.namespace());
    this.authorization = token == null || token.isEmpty() ? null : "Bearer " + token;
    this.requestTimeout = options.requestTimeout();
    if (options.httpClient() != null) {
      this.http = options.httpClient();
      this.ownsHttp = false;
    } else {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .connectTimeout(options.connectTimeout())
              .followRedirects(HttpClient.Redirect.NEVER);
      if (options.sslContext() != null) {
        builder.sslContext(options.sslContext());
      }
      this.http = builder.build();
      this.ownsHttp = true;
    }
  }

  private static String normalized(String address) {
    if (address == null) {
      throw new IllegalArgumentException("the server address is required, e.g. http://host:7070");
    }
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid server address '" + address + "'", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "the server address must start with http:// or https://, was '" + address + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the server address has no host: '" + address + "'");
    }
    return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }

  /** Encodes one path segment (a workflow ID, a signal name). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  String address() {
    return address;
  }

  /** A GET of {@code path} under the namespace; {@code wait} is how long the server may hold it. */
  Answer get(String path, Map<String, String> query, Duration wait, CallContext call) {
    return send("GET", path, query, null, wait, call);
  }

  /** A POST of {@code body} (or none) to {@code path} under the namespace. */
  Answer post(
      String path, Map<String, String> query, ObjectNode body, Duration wait, CallContext call) {
    return send("POST", path, query, body, wait, call);
  }

  /** A PUT of {@code body} to {@code path} under the namespace. */
  Answer put(String path, ObjectNode body, CallContext call) {
    return send("PUT", path, null, body, Duration.ZERO, call);
  }

  /** A DELETE of {@code path} under the namespace. */
  Answer delete(String path, CallContext call) {
    return send("DELETE", path, null, null, Duration.ZERO, call);
  }

  private Answer send(
      String method,
      String path,
      Map<String, String> query,
      ObjectNode body,
      Duration wait,
      CallContext call) {
    URI uri = URI.create(base + path + queryString(query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout.plus(wait))
            .header("Accept", "application/json, application/problem+json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new UncheckedIOException(
          method + " " + uri + " got no answer within " + requestTimeout.plus(wait), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach the Weft server at " + address + " (" + method + " " + uri + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + method + " " + uri, e);
    }
    JsonNode json = parse(response.body(), method, uri, response.statusCode());
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return new Answer(response.statusCode(), json);
    }
    throw Problems.toException(response.statusCode(), json, call);
  }

  private static String queryString(Map<String, String> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    query.forEach(
        (name, value) -> {
          if (value != null) {
            joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return joined.length() == 1 ? "" : joined.toString();
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(byte[] body, String method, URI uri, int status) {
    if (body.length == 0) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(
          method
              + " "
              + uri
              + " answered "
              + status
              + " with a body that is not JSON: "
              + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8),
          e);
    }
  }

  @Override
  public void close() {
    if (ownsHttp) {
      http.close();
    }
  }

  /** A 2xx answer: its status and JSON body ({@code null} node when empty). */
  record Answer(int status, JsonNode body) {}
}
