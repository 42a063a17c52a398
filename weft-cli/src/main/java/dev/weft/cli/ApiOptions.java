package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * The options of a command that calls a server's HTTP API: {@code --address} ({@code WEFT_ADDRESS},
 * default {@code http://127.0.0.1:7070}), {@code --token} ({@code WEFT_TOKEN}) and {@code --output
 * table|json}; and how such a command runs: a refusal or an unreachable server is printed to
 * standard error and exits 1.
 */
final class ApiOptions {
  @Option(
      names = "--address",
      paramLabel = "URL",
      defaultValue = "${env:WEFT_ADDRESS:-http://127.0.0.1:7070}",
      description = "the Weft server's API (env WEFT_ADDRESS; default: ${DEFAULT-VALUE})")
  String address;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:WEFT_TOKEN}",
      description = "the API token to send (env WEFT_TOKEN)")
  String token;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  OutputFormat output;

  /** A call of the API that may be refused. */
  @FunctionalInterface
  interface Call {
    int run(ApiHttp api) throws ApiHttp.Refused;
  }

  /**
   * Runs {@code call} against the API; returns its exit code, or 1 after printing why the API
   * refused the call or could not be reached, or 2 if the address is not a URL.
   */
  int run(PrintStream err, Call call) {
    ApiHttp api;
    try {
      api = new ApiHttp(address, token);
    } catch (IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return 2;
    }
    try {
      return call.run(api);
    } catch (ApiHttp.Refused e) {
      err.println("weft: " + e.getMessage());
      return 1;
    }
  }
}
