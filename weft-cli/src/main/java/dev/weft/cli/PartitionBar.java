package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition status bar as text: one character per bucket (the bucket's status when all its
 * partitions share it, {@code *} when mixed), the legend, then the counts of each mixed bucket.
 */
final class PartitionBar {
  /** The most mixed buckets listed under the bar. */
  static final int MIXED_SHOWN = 50;

  /** The statuses, in the API's order, with their characters. */
  enum Status {
    MATERIALIZED('#'),
    STALE('~'),
    FAILED('!'),
    IN_PROGRESS('>'),
    MISSING('.');

    final char mark;

    Status(char mark) {
      this.mark = mark;
    }
  }

  /** The character of a bucket holding partitions of several statuses. */
  static final char MIXED = '*';

  private PartitionBar() {}

  /** Returns the character of one bucket ({@code counts}: the five statuses' counts). */
  static char mark(JsonNode counts) {
    Status only = null;
    for (Status s : Status.values()) {
      if (counts.path(s.name()).asLong() > 0) {
        if (only != null) {
          return MIXED;
        }
        only = s;
      }
    }
    return only == null ? ' ' : only.mark;
  }

  /** Prints the bar, the legend and the mixed buckets' counts. */
  static void print(PrintStream out, JsonNode buckets) {
    StringBuilder bar = new StringBuilder();
    List<JsonNode> mixed = new ArrayList<>();
    for (JsonNode b : buckets) {
      char c = mark(b.path("counts"));
      bar.append(c);
      if (c == MIXED) {
        mixed.add(b);
      }
    }
    out.println("[" + bar + "]");
    StringBuilder legend = new StringBuilder("legend:");
    for (Status s : Status.values()) {
      legend.append(' ').append(s.mark).append(' ').append(s.name()).append(',');
    }
    out.println(legend.append(' ').append(MIXED).append(" mixed"));
    if (mixed.isEmpty()) {
      return;
    }
    out.println("mixed buckets:");
    for (JsonNode b : mixed.subList(0, Math.min(mixed.size(), MIXED_SHOWN))) {
      StringBuilder counts = new StringBuilder();
      for (Status s : Status.values()) {
        long n = b.path("counts").path(s.name()).asLong();
        if (n > 0) {
          counts.append(counts.isEmpty() ? "" : ", ").append(s.name()).append(' ').append(n);
        }
      }
      out.println("  " + b.path("from").asText() + " .. " + b.path("to").asText() + ": " + counts);
    }
    if (mixed.size() > MIXED_SHOWN) {
      out.println("  ... and " + (mixed.size() - MIXED_SHOWN) + " more mixed buckets");
    }
  }
}
