package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The activity attempt a {@code weft activity} subcommand reports on: its task token. */
final class ActivityTarget {
  @Option(
      names = "--task-token",
      paramLabel = "TOKEN",
      required = true,
      description = "the attempt's task token (Activity.getInfo().taskToken(), or a polled task's)")
  String taskToken;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  /** The path of a report on the attempt ({@code complete}, {@code fail}, {@code heartbeat}). */
  String path(String report) {
    return "/api/v1/namespaces/"
        + encode(namespace)
        + "/activity-tasks/"
        + encode(taskToken)
        + "/"
        + report;
  }

  /** What {@code --output json} prints for a report the API answers with no body. */
  Map<String, Object> reported(String report) {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("taskToken", taskToken);
    done.put("reported", report);
    return done;
  }

  /**
   * Parses the JSON value of {@code option}, or returns null when it was not given.
   *
   * @throws BadJson if it is not JSON (the command exits 2)
   */
  static JsonNode json(String option, String text) throws BadJson {
    try {
      return text == null ? null : JsonValues.parseOne(option, text);
    } catch (IllegalArgumentException e) {
      throw new BadJson(e.getMessage());
    }
  }

  /** An option that should hold JSON does not. */
  static final class BadJson extends Exception {
    BadJson(String message) {
      super(message);
    }

    /** Prints the problem and returns the usage exit code. */
    int report(java.io.PrintStream err) {
      err.println("weft: " + getMessage());
      return 2;
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
