package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The CLI's calls to the HTTP API, over the JDK's HTTP client: JSON in and out, the bearer token if
 * one is given. A refusal (a problem document) or an unreachable server is an {@link Refused} whose
 * message says what happened, without the token.
 */
final class ApiHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI address;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * A client of the API at {@code address} ({@code http://host:port}).
   *
   * @throws IllegalArgumentException if the address is not an http or https URL
   */
  ApiHttp(String address, String token) {
    URI uri;
    try {
      uri = URI.create(address.endsWith("/") ? address : address + "/");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--address '" + address + "' is not a URL");
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(
          "--address '" + address + "' is not an http:// or https:// URL with a host");
    }
    this.address = uri;
    this.token = token == null || token.isBlank() ? null : token;
  }

  /** The API refused the call (its status and problem type), or could not be reached (status 0). */
  static final class Refused extends Exception {
    private final int status;

    Refused(String message) {
      this(0, message);
    }

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    /** The HTTP status of the refusal, or 0 when the API could not be reached. */
    int status() {
      return status;
    }
  }

  /** GET {@code path} (relative, without a leading slash); returns the JSON answer. */
  JsonNode get(String path) throws Refused {
    return send("GET", path, null);
  }

  /** POST {@code body} as JSON. */
  JsonNode post(String path, Object body) throws Refused {
    return send("POST", path, body);
  }

  /** PUT {@code body} as JSON. */
  JsonNode put(String path, Object body) throws Refused {
    return send("PUT", path, body);
  }

  /** DELETE {@code path}. */
  JsonNode delete(String path) throws Refused {
    return send("DELETE", path, null);
  }

  /** PATCH {@code body} as JSON. */
  JsonNode patch(String path, Object body) throws Refused {
    return send("PATCH", path, body);
  }

  private JsonNode send(String method, String path, Object body) throws Refused {
    URI uri = address.resolve(path);
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("Accept", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = parse(response.body());
      if (response.statusCode() >= 300) {
        throw new Refused(response.statusCode(), refusal(method, uri, response.statusCode(), json));
      }
      return json;
    } catch (ConnectException | HttpTimeoutException e) {
      throw new Refused(
          "cannot reach the Weft API at "
              + address
              + " ("
              + e.getClass().getSimpleName()
              + "); is the server running? (--address or WEFT_ADDRESS)");
    } catch (IOException e) {
      throw new Refused(method + " " + uri + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused(method + " " + uri + " was interrupted");
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  /** The message of a refusal: status, problem type and detail (never the token). */
  private static String refusal(String method, URI uri, int status, JsonNode problem) {
    String type = problem.path("type").asText("");
    String slug = type.isEmpty() ? "http-" + status : type.substring(type.lastIndexOf('/') + 1);
    String detail = problem.path("detail").asText(problem.isTextual() ? problem.asText() : "");
    return method + " " + uri.getPath() + " refused: " + status + " " + slug + ": " + detail;
  }

  /** Writes JSON indented, for {@code --output json}. */
  static String pretty(JsonNode json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
