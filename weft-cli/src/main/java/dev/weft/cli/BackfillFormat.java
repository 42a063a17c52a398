package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** How the backfill commands print a backfill as text. */
final class BackfillFormat {
  private static final String ROW = "%-32s %10s %12s %8s %12s %8s %8s%n";

  private BackfillFormat() {}

  /** One line: ID, status, selection, partitions and their counts. */
  static String line(JsonNode b) {
    JsonNode t = b.path("totals");
    return String.format(
        "%-22s %-10s %-28s %d partitions: %d materialized, %d failed, %d in progress, %d pending,"
            + " %d skipped",
        b.path("backfillId").asText(),
        b.path("status").asText(),
        b.path("selection").asText(),
        t.path("partitions").asLong(),
        t.path("MATERIALIZED").asLong(),
        t.path("FAILED").asLong(),
        t.path("IN_PROGRESS").asLong(),
        t.path("PENDING").asLong(),
        t.path("SKIPPED").asLong());
  }

  /** The whole backfill: its fields, then a row per asset. */
  static void print(PrintStream out, JsonNode b) {
    out.println("backfill    " + b.path("backfillId").asText());
    out.println("status      " + b.path("status").asText());
    out.println("selection   " + b.path("selection").asText());
    out.println("partitions  " + b.path("partitions"));
    out.println("concurrency " + b.path("maxConcurrentRuns").asInt());
    if (b.hasNonNull("retryOf")) {
      out.println("retry of    " + b.path("retryOf").asText());
    }
    out.println("workflow    " + b.path("workflowId").asText());
    out.println("created     " + b.path("createdAt").asText());
    if (b.hasNonNull("endedAt")) {
      out.println("ended       " + b.path("endedAt").asText());
    }
    out.printf("throughput  %.1f partitions/s%n", b.path("throughputPerSecond").asDouble());
    if (b.hasNonNull("remainingSeconds") && !b.hasNonNull("endedAt")) {
      out.printf("remaining   %.0f s%n", b.path("remainingSeconds").asDouble());
    }
    out.println();
    out.printf(
        ROW,
        "ASSET",
        "",
        "PARTITIONS",
        "MATERIALIZED",
        "FAILED",
        "IN_PROGRESS",
        "PENDING",
        "SKIPPED");
    for (JsonNode a : b.path("assets")) {
      JsonNode c = a.path("counts");
      out.printf(
          ROW,
          a.path("assetKey").asText(),
          a.path("partitions").asLong(),
          c.path("MATERIALIZED").asLong(),
          c.path("FAILED").asLong(),
          c.path("IN_PROGRESS").asLong(),
          c.path("PENDING").asLong(),
          c.path("SKIPPED").asLong());
    }
  }
}
