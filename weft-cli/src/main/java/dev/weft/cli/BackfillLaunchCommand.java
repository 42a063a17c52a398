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

/**
 * {@code weft backfill launch --selection S (--from K --to K | --keys K1,K2) [--max-concurrent N]
 * [--dry-run]}: launches a backfill, or prints what it would run.
 */
@Command(
    name = "launch",
    description =
        "Launches a backfill of the selection over a partition range (--from, --to, both"
            + " included) or keys; --dry-run prints the partitions and runs per asset instead.")
final class BackfillLaunchCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Option(
      names = "--selection",
      required = true,
      paramLabel = "S",
      description = "the asset selection, e.g. 'trades/*' or trades/daily+")
  private String selection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Partitions partitions;

  static final class Partitions {
    @ArgGroup(exclusive = false)
    Range range;

    @Option(
        names = "--keys",
        split = ",",
        paramLabel = "K1,K2",
        description = "the partition keys, comma-separated")
    List<String> keys;
  }

  static final class Range {
    @Option(names = "--from", required = true, paramLabel = "K", description = "the first key")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "K",
        description = "the last key (included)")
    String to;
  }

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      defaultValue = "16",
      description = "how many compute calls may run at once (default: ${DEFAULT-VALUE})")
  private int maxConcurrent;

  @Option(names = "--dry-run", description = "print what it would run; start nothing")
  private boolean dryRun;

  private final PrintStream out;
  private final PrintStream err;

  BackfillLaunchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("selection", selection);
    body.put(
        "partitions",
        partitions.keys != null
            ? Map.of("keys", partitions.keys)
            : Map.of("from", partitions.range.from, "to", partitions.range.to));
    body.put("maxConcurrentRuns", maxConcurrent);
    body.put("dryRun", dryRun);
    return api.run(
        err,
        http -> {
          JsonNode answer = http.post(ns.base() + "/backfills", body);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(answer));
          } else if (dryRun) {
            out.println(
                "dry run of "
                    + answer.path("selection").asText()
                    + ": "
                    + answer.path("partitions").asLong()
                    + " partitions in "
                    + answer.path("runs").asLong()
                    + " runs");
            for (JsonNode a : answer.path("assets")) {
              out.printf(
                  "  %-40s %10d partitions %10d runs%n",
                  a.path("assetKey").asText(),
                  a.path("partitions").asLong(),
                  a.path("runs").asLong());
            }
          } else {
            out.println("launched " + BackfillFormat.line(answer));
          }
          return 0;
        });
  }
}
