package dev.weft.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls to a test server. Every response is checked against the OpenAPI document ({@link
 * OpenApiDocument#checkResponse}): a route a test calls whose answer does not match its documented
 * shape (status, content type, body schema) fails the test, so each API test is also a test of the
 * document.
 */
public final class ApiCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;

  ApiCalls(URI base) {
    this.base = base;
  }

  /** Calls made after this send {@code Authorization: Bearer token} (null: none). */
  public ApiCalls withToken(String token) {
    ApiCalls copy = new ApiCalls(base);
    copy.token = token;
    return copy;
  }

  /** An answer: status, content type and body. */
  public record Answer(int status, String contentType, String body) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** The slug of a problem document's type (after {@code /problems/}). */
    public String problemType() {
      String type = json().path("type").asText();
      return type.substring(type.lastIndexOf('/') + 1);
    }
  }

  /** GET {@code path}. */
  public Answer get(String path) {
    return send("GET", path, null, Map.of());
  }

  /** POST {@code path} with a JSON body (a string of JSON, or an object Jackson writes). */
  public Answer post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  /** PUT {@code path} with a JSON body. */
  public Answer put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  /** DELETE {@code path}. */
  public Answer delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** Any method, any body (null: none), extra headers; checked against the document. */
  public Answer send(String method, String path, Object body, Map<String, String> headers) {
    Answer a = sendUnchecked(method, path, body, headers);
    OpenApiDocument.get().checkResponse(method, path, a);
    return a;
  }

  /** As {@link #send} without the document check (for requests outside every route). */
  public Answer sendUnchecked(
      String method, String path, Object body, Map<String, String> headers) {
    try {
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .method(
                  method,
                  text == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(text));
      if (text != null) {
        b.header("Content-Type", "application/json");
      }
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      headers.forEach(b::header);
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String ct = r.headers().firstValue("Content-Type").orElse("");
      return new Answer(r.statusCode(), ct, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
