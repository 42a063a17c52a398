package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset invalidate ASSET --from K --to K | --keys K,.. --reason R [--rematerialize]}:
 * marks partitions stale, with every downstream partition the mappings reach, and optionally starts
 * their materialization (run by a node hosting the asset code).
 */
@Command(
    name = "invalidate",
    description =
        "Marks partitions of an asset stale (--from/--to, both included, or --keys), and every"
            + " downstream partition the partition mappings reach; --rematerialize then starts a"
            + " materialization of them. Runs on a node hosting the asset code.")
final class AssetInvalidateCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ASSET", description = "the asset key, e.g. chain/blocks")
  private String key;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Partitions partitions;

  static final class Partitions {
    @ArgGroup(exclusive = false)
    Range range;

    @Option(
        names = "--keys",
        paramLabel = "K",
        split = ",",
        required = true,
        description = "the partition keys, comma-separated")
    List<String> keys;
  }

  static final class Range {
    @Option(names = "--from", paramLabel = "K", required = true, description = "the first key")
    String from;

    @Option(
        names = "--to",
        paramLabel = "K",
        required = true,
        description = "the last key (included)")
    String to;
  }

  @Option(
      names = "--reason",
      paramLabel = "R",
      required = true,
      description = "why, kept in the stale reasons (e.g. \"re-org at 19000000\")")
  private String reason;

  @Option(
      names = "--rematerialize",
      description = "start a materialization of the invalidated partitions")
  private boolean rematerialize;

  private final PrintStream out;
  private final PrintStream err;

  AssetInvalidateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (partitions.range != null) {
      body.put("from", partitions.range.from);
      body.put("to", partitions.range.to);
    } else {
      body.put("keys", partitions.keys);
    }
    body.put("reason", reason);
    body.put("rematerialize", rematerialize);
    return api.run(
        err,
        http -> {
          JsonNode result = http.post(ns.asset(key) + "/partitions/invalidate", body);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(result));
            return 0;
          }
          out.printf("%-40s %s%n", "ASSET", "MADE STALE");
          for (JsonNode a : result.path("invalidated")) {
            out.printf("%-40s %d%n", a.path("assetKey").asText(), a.path("partitions").asLong());
          }
          JsonNode run = result.path("materialization");
          if (run.isObject()) {
            out.println(
                "materialization started: "
                    + run.path("workflowId").asText()
                    + " (run "
                    + run.path("runId").asText()
                    + ")");
          }
          return 0;
        });
  }
}
