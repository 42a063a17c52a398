package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** How the schedule commands print a schedule as text. */
final class ScheduleFormat {
  private static final String ROW = "%-24s %-24s %-16s %-7s %-24s%n";

  private ScheduleFormat() {}

  /** When a schedule fires, in one phrase: its cron or interval, and its zone. */
  static String when(JsonNode spec) {
    String when =
        spec.hasNonNull("cron")
            ? spec.path("cron").asText()
            : "every " + spec.path("interval").asText();
    if (spec.hasNonNull("timeZone") && !spec.path("timeZone").asText().equals("UTC")) {
      when += " " + spec.path("timeZone").asText();
    }
    return when;
  }

  /** One line: ID, when, action and state. */
  static String line(JsonNode s) {
    return s.path("id").asText()
        + " ("
        + when(s.path("spec"))
        + ", "
        + s.path("action").path("type").asText()
        + (s.path("paused").asBoolean() ? ", paused" : "")
        + ")";
  }

  /** The header of the list's table. */
  static void header(PrintStream out) {
    out.printf(ROW, "ID", "WHEN", "ACTION", "PAUSED", "NEXT FIRE TIME");
  }

  /** One row of the list's table. */
  static void row(PrintStream out, JsonNode s) {
    out.printf(
        ROW,
        s.path("id").asText(),
        when(s.path("spec")),
        s.path("actionType").asText(),
        s.path("paused").asBoolean() ? "yes" : "no",
        s.path("nextFireTime").asText("-"));
  }

  /** The whole schedule: definition, next fire times and recent firings. */
  static void print(PrintStream out, JsonNode s) {
    out.println("schedule    " + s.path("id").asText());
    out.println("when        " + when(s.path("spec")));
    out.println("action      " + action(s.path("action")));
    out.println("overlap     " + s.path("overlapPolicy").asText());
    out.println("catch-up    " + s.path("catchUpWindow").asText());
    out.println(
        "paused      "
            + (s.path("paused").asBoolean() ? "yes" : "no")
            + (s.hasNonNull("note") ? " (" + s.path("note").asText() + ")" : ""));
    if (s.hasNonNull("description")) {
      out.println("description " + s.path("description").asText());
    }
    out.println(
        "firings     "
            + s.path("started").asLong()
            + " started, "
            + s.path("skipped").asLong()
            + " skipped, "
            + s.path("failed").asLong()
            + " failed");
    out.println();
    out.println("next fire times:");
    for (JsonNode t : s.path("nextFireTimes")) {
      out.println("  " + t.asText());
    }
    out.println();
    out.println("recent firings:");
    if (s.path("recentFirings").isEmpty()) {
      out.println("  (none)");
    }
    for (JsonNode f : s.path("recentFirings")) {
      out.println(
          "  "
              + f.path("nominal").asText()
              + "  "
              + String.format("%-8s", f.path("outcome").asText())
              + " "
              + f.path("workflowId").asText("")
              + (f.hasNonNull("runId") ? " run " + f.path("runId").asText() : "")
              + (f.hasNonNull("reason") ? "  (" + f.path("reason").asText() + ")" : ""));
    }
  }

  private static String action(JsonNode a) {
    return switch (a.path("type").asText()) {
      case "startWorkflow" ->
          "start "
              + a.path("workflowType").asText()
              + " on "
              + a.path("taskQueue").asText()
              + " "
              + a.path("args");
      case "signalWorkflow" ->
          "signal "
              + a.path("workflowId").asText()
              + " "
              + a.path("signalName").asText()
              + " "
              + a.path("args");
      default ->
          "materialize "
              + a.path("selection").asText()
              + (a.hasNonNull("partitionKey")
                  ? " partition " + a.path("partitionKey").asText()
                  : "")
              + (a.path("partitionFromFireTime").asBoolean() ? " (fire time's partition)" : "");
    };
  }
}
