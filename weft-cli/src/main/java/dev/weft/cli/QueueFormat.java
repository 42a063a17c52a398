package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** How {@code weft queue} prints a task queue's description: one field per line, or its JSON. */
final class QueueFormat {
  private QueueFormat() {}

  static int print(JsonNode q, OutputFormat output, PrintStream out) {
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(q));
      return 0;
    }
    JsonNode backlog = q.path("backlog");
    out.printf("Task queue:        %s%n", q.path("taskQueue").asText());
    out.printf(
        "Paused:            %s%n",
        q.path("paused").asBoolean()
            ? "yes" + (q.hasNonNull("pauseReason") ? ": " + q.path("pauseReason").asText() : "")
            : "no");
    out.printf(
        "Backlog:           %d workflow tasks, %d activity tasks%n",
        backlog.path("workflowTasks").asLong(), backlog.path("activityTasks").asLong());
    out.printf("Oldest task age:   %s%n", backlog.path("oldestTaskAge").asText());
    JsonNode pollers = q.path("pollers");
    if (pollers.isEmpty()) {
      out.println("Pollers:           none seen by this node in the last 5 minutes");
    } else {
      out.println("Pollers:");
      for (JsonNode p : pollers) {
        out.printf(
            "  %-24s %-9s %-7s last poll %s%n",
            p.path("identity").asText(),
            p.path("kind").asText(),
            p.path("remote").asBoolean() ? "remote" : "in-process",
            p.path("lastPollTime").asText());
      }
    }
    return 0;
  }
}
