package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The tables of {@code weft asset}: one asset a line, reasons spelled out. */
final class AssetFormat {
  private static final String ROW = "%-40s %-8s %-16s %-24s %-20s %s%n";

  private AssetFormat() {}

  /** Prints the {@code AssetsSummary} documents of {@code list} as a table. */
  static void summaries(PrintStream out, JsonNode list) {
    out.printf(ROW, "ASSET", "STATUS", "GROUP", "MATERIALIZED", "CHECKS", "REASONS");
    for (JsonNode a : list) {
      out.printf(
          ROW,
          a.path("assetKey").asText(),
          a.path("status").asText(),
          a.path("group").asText("-"),
          a.path("latestMaterialization").path("finishedAt").asText("-"),
          checks(a.path("checks")),
          reasons(a.path("reasons")));
    }
  }

  /**
   * The latest check outcomes ({@code AssetsCheckCounts}) as {@code ok:2 fail:1! warn:1}, a {@code
   * !} marking failures of blocking checks, or {@code -} when no check has a result.
   */
  static String checks(JsonNode counts) {
    List<String> out = new ArrayList<>();
    int blocking = counts.path("blockingFailed").asInt();
    count(out, "ok", counts.path("passed").asInt(), "");
    count(out, "fail", counts.path("failed").asInt(), blocking > 0 ? "!" : "");
    count(out, "warn", counts.path("warned").asInt(), "");
    return out.isEmpty() ? "-" : String.join(" ", out);
  }

  private static void count(List<String> out, String label, int n, String mark) {
    if (n > 0) {
      out.add(label + ":" + n + mark);
    }
  }

  /** The reasons, {@code ; }-separated, or {@code -}. */
  static String reasons(JsonNode reasons) {
    List<String> out = new ArrayList<>();
    reasons.forEach(r -> out.add(r.path("detail").asText(r.path("kind").asText())));
    return out.isEmpty() ? "-" : String.join("; ", out);
  }

  /** The strings of a JSON array, comma-separated, or {@code -}. */
  static String texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out.isEmpty() ? "-" : String.join(", ", out);
  }
}
