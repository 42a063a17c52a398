package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The tables of {@code weft asset}: one asset a line, reasons spelled out. */
final class AssetFormat {
  private static final String ROW = "%-40s %-8s %-16s %-24s %s%n";

  private AssetFormat() {}

  /** Prints the {@code AssetsSummary} documents of {@code list} as a table. */
  static void summaries(PrintStream out, JsonNode list) {
    out.printf(ROW, "ASSET", "STATUS", "GROUP", "MATERIALIZED", "REASONS");
    for (JsonNode a : list) {
      out.printf(
          ROW,
          a.path("assetKey").asText(),
          a.path("status").asText(),
          a.path("group").asText("-"),
          a.path("latestMaterialization").path("finishedAt").asText("-"),
          reasons(a.path("reasons")));
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
