package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft sensor describe NAME}: a sensor's status, cursor and interval, and its recent
 * evaluations, oldest first, each with its requests (derived workflow ID and outcome), skip reason
 * or error; or the API's JSON.
 */
@Command(
    name = "describe",
    description = "Shows a sensor: status, cursor, interval and its recent evaluations.")
final class SensorDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private SensorTarget sensor;

  private final PrintStream out;
  private final PrintStream err;

  SensorDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode s = http.get(sensor.path());
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(s));
            return 0;
          }
          out.printf("Sensor:          %s%n", s.path("name").asText());
          out.printf("Status:          %s%n", s.path("status").asText());
          if (s.has("pauseNote")) {
            out.printf("Pause note:      %s%n", s.path("pauseNote").asText());
          }
          out.printf("Cursor:          %s%n", s.path("cursor").asText("-"));
          out.printf("Interval:        %s%n", s.path("minimumInterval").asText());
          List<String> watched = new ArrayList<>();
          s.path("watchedAssets").forEach(a -> watched.add(a.asText()));
          if (!watched.isEmpty()) {
            out.printf(
                "Watching:        %s (evaluated on their new materializations)%n",
                String.join(", ", watched));
          }
          out.printf("Next evaluation: %s%n", s.path("nextEvaluationAt").asText("-"));
          out.printf("Failures:        %d in a row%n", s.path("consecutiveFailures").asInt());
          if (s.has("lastError")) {
            out.printf("Last error:      %s%n", s.path("lastError").asText());
          }
          out.println();
          String row = "%-26s %-12s %-12s %-10s %s%n";
          out.printf(row, "EVALUATION", "CURSOR FROM", "CURSOR TO", "DURATION", "RESULT");
          for (JsonNode e : s.path("recentEvaluations")) {
            out.printf(
                row,
                e.path("time").asText(),
                e.path("cursorBefore").asText("-"),
                e.path("cursorAfter").asText("-"),
                e.path("duration").asText(),
                result(e));
          }
          return 0;
        });
  }

  /** The error, the skip reason, or each request as {@code workflowId OUTCOME}. */
  private static String result(JsonNode evaluation) {
    if (evaluation.has("error")) {
      return "error: " + evaluation.path("error").asText();
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode r : evaluation.path("requests")) {
      parts.add(
          r.path("workflowId").asText()
              + " "
              + (r.has("error")
                  ? "failed: " + r.path("error").asText()
                  : r.path("outcome").asText()));
    }
    if (evaluation.has("skipReason")) {
      parts.add("skipped: " + evaluation.path("skipReason").asText());
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }
}
