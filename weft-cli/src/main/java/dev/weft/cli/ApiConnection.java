package dev.weft.cli;

import dev.weft.client.WeftClient;
import dev.weft.client.WeftClientOptions;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;

/**
 * The CLI's connection to the HTTP API: a {@link WeftClient} over HTTP for {@code --address},
 * {@code --token} and {@code --namespace}, and messages that say what to do when the API cannot be
 * reached (never showing the token).
 */
final class ApiConnection {
  private ApiConnection() {}

  /**
   * A client of the API at {@code address}.
   *
   * @throws IllegalArgumentException if the address is not an http or https URL (exit code 2)
   */
  static WeftClient connect(String address, String token, String namespace) {
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--address '" + address + "' is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--address must be an http:// or https:// URL such as http://127.0.0.1:7070, was '"
              + address
              + "'");
    }
    return WeftClient.connect(
        address, token, WeftClientOptions.newBuilder().namespace(namespace).build());
  }

  /** A one-line explanation of a failure to talk to the API. */
  static String explain(String address, Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException) {
        return "cannot reach the Weft API at "
            + address
            + " (is 'weft dev' or 'weft server' running there? --address or WEFT_ADDRESS names"
            + " another)";
      }
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
