package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weft asset graph}: the lineage graph, each asset with what it reads. */
@Command(
    name = "graph",
    description =
        "Prints the lineage graph: each asset with its status, group and the assets it reads"
            + " (--output json: nodes and edges).")
final class AssetGraphCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  private final PrintStream out;
  private final PrintStream err;

  AssetGraphCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode graph = http.get(ns.base() + "/asset-graph");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(graph));
            return 0;
          }
          Map<String, List<String>> upstream = new LinkedHashMap<>();
          for (JsonNode e : graph.path("edges")) {
            upstream
                .computeIfAbsent(e.path("to").asText(), k -> new ArrayList<>())
                .add(e.path("from").asText());
          }
          String row = "%-40s %-8s %-16s %s%n";
          out.printf(row, "ASSET", "STATUS", "GROUP", "READS");
          for (JsonNode n : graph.path("nodes")) {
            String key = n.path("assetKey").asText();
            List<String> reads = upstream.getOrDefault(key, List.of());
            out.printf(
                row,
                key,
                n.path("status").asText(),
                n.path("group").asText(),
                reads.isEmpty() ? "-" : String.join(", ", reads));
          }
          return 0;
        });
  }
}
