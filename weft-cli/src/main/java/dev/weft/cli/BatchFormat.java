package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** How {@code weft batch} prints batch operations: one field per line, a table, or their JSON. */
final class BatchFormat {
  private BatchFormat() {}

  static int print(JsonNode b, OutputFormat output, PrintStream out) {
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(b));
      return 0;
    }
    out.printf("Job ID:      %s%n", b.path("jobId").asText());
    out.printf("Operation:   %s%n", b.path("operation").asText());
    out.printf("State:       %s%n", b.path("state").asText());
    out.printf("Query:       %s%n", b.path("query").asText());
    out.printf("Reason:      %s%n", b.path("reason").asText());
    out.printf("Started:     %s%n", b.path("startTime").asText());
    if (b.hasNonNull("closeTime")) {
      out.printf("Closed:      %s%n", b.path("closeTime").asText());
    }
    out.printf(
        "Progress:    %d done, %d failed, of %s%n",
        b.path("completeOperationCount").asLong(),
        b.path("failureOperationCount").asLong(),
        b.hasNonNull("totalOperationCount")
            ? b.path("totalOperationCount").asText()
            : "an unknown total");
    JsonNode failures = b.path("failures");
    if (!failures.isEmpty()) {
      out.println("Failures:");
      for (JsonNode f : failures) {
        out.printf(
            "  %s (run %s): %s%n",
            f.path("workflowId").asText(), f.path("runId").asText(), f.path("message").asText());
      }
    }
    return 0;
  }

  static int printList(JsonNode list, OutputFormat output, PrintStream out) {
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(list));
      return 0;
    }
    out.printf(
        "%-38s %-10s %-10s %8s %8s %8s  %s%n",
        "JOB ID", "OPERATION", "STATE", "DONE", "FAILED", "TOTAL", "STARTED");
    for (JsonNode b : list.path("batchOperations")) {
      out.printf(
          "%-38s %-10s %-10s %8d %8d %8s  %s%n",
          b.path("jobId").asText(),
          b.path("operation").asText(),
          b.path("state").asText(),
          b.path("completeOperationCount").asLong(),
          b.path("failureOperationCount").asLong(),
          b.hasNonNull("totalOperationCount") ? b.path("totalOperationCount").asText() : "-",
          b.path("startTime").asText());
    }
    return 0;
  }
}
