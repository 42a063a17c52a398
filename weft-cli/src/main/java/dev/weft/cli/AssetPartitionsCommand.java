package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset partitions ASSET}: an asset's partitions: the definition and the counts per
 * status; with {@code --bar N} a text status bar; with {@code --status S} the ranges in a status
 * (paged); with {@code --key K} one partition.
 */
@Command(
    name = "partitions",
    description =
        "Prints an asset's partitions definition and how many partitions have each status; --bar N"
            + " draws the status bar in N buckets (one character each), --status S lists the"
            + " ranges in status S (MISSING: the gaps), --key K prints one partition.")
final class AssetPartitionsCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;
  @Mixin private PagingOptions paging;

  @Parameters(index = "0", paramLabel = "ASSET", description = "the asset key, e.g. chain/blocks")
  private String key;

  @ArgGroup(exclusive = true)
  private Mode mode;

  static final class Mode {
    @Option(names = "--bar", paramLabel = "N", description = "draw the status bar in N buckets")
    Integer bar;

    @Option(
        names = "--status",
        paramLabel = "STATUS",
        description =
            "list the ranges in STATUS: MATERIALIZED, STALE, FAILED, IN_PROGRESS, MISSING")
    String status;

    @Option(names = "--key", paramLabel = "K", description = "print the partition K")
    String partition;
  }

  @Option(names = "--from", paramLabel = "K", description = "with --bar: the first key")
  private String from;

  @Option(names = "--to", paramLabel = "K", description = "with --bar: the last key (included)")
  private String to;

  private final PrintStream out;
  private final PrintStream err;

  AssetPartitionsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if ((from != null || to != null) && (mode == null || mode.bar == null)) {
      err.println("weft: --from and --to go with --bar");
      return 2;
    }
    String base = ns.asset(key) + "/partitions";
    return api.run(
        err,
        http -> {
          if (mode != null && mode.bar != null) {
            return print(http.get(base + "/bar?" + barQuery()), this::bar);
          }
          if (mode != null && mode.status != null) {
            String path =
                base
                    + "/ranges?status="
                    + AssetNamespace.encode(mode.status)
                    + "&"
                    + paging.query(100);
            return print(http.get(path), this::ranges);
          }
          if (mode != null && mode.partition != null) {
            return print(
                http.get(base + "/status?key=" + AssetNamespace.encode(mode.partition)),
                this::partition);
          }
          return print(http.get(base), this::summary);
        });
  }

  private String barQuery() {
    return "buckets="
        + mode.bar
        + (from == null ? "" : "&from=" + AssetNamespace.encode(from))
        + (to == null ? "" : "&to=" + AssetNamespace.encode(to));
  }

  private int print(JsonNode answer, java.util.function.Consumer<JsonNode> table) {
    if (api.output == OutputFormat.json) {
      out.println(ApiHttp.pretty(answer));
    } else {
      table.accept(answer);
    }
    return 0;
  }

  private void summary(JsonNode s) {
    out.println(s.path("assetKey").asText() + ": " + s.path("description").asText());
    out.println(
        "partitions: "
            + s.path("total").asLong()
            + (s.path("firstKey").isTextual()
                ? " (" + s.path("firstKey").asText() + " .. " + s.path("lastKey").asText() + ")"
                : " (none exists yet)")
            + (s.path("sizeKnown").asBoolean(true) ? "" : ", current end unknown"));
    JsonNode counts = s.path("counts");
    for (PartitionBar.Status st : PartitionBar.Status.values()) {
      out.printf("  %-13s %d%n", st.name(), counts.path(st.name()).asLong());
    }
  }

  private void bar(JsonNode bar) {
    out.println(
        bar.path("assetKey").asText()
            + " from "
            + bar.path("from").asText()
            + " to "
            + bar.path("to").asText()
            + ": "
            + bar.path("total").asLong()
            + " partitions in "
            + bar.path("buckets").size()
            + " buckets");
    PartitionBar.print(out, bar.path("buckets"));
  }

  private void ranges(JsonNode page) {
    String row = "%-24s %-24s %-10s %-13s %-20s %s%n";
    out.printf(row, "FROM", "TO", "PARTITIONS", "STATUS", "DATA VERSION", "DETAIL");
    for (JsonNode r : page.path("ranges")) {
      out.printf(
          row,
          r.path("from").asText(),
          r.path("to").asText(),
          r.path("partitions").asLong(),
          r.path("status").asText(),
          text(r.path("dataVersion")),
          text(r.path("detail")));
    }
    PagingOptions.printNext(out, page);
  }

  private void partition(JsonNode s) {
    out.println(
        s.path("assetKey").asText()
            + " partition "
            + s.path("key").asText()
            + ": "
            + s.path("status").asText());
    if (s.path("dataVersion").isTextual()) {
      out.println("data version: " + s.path("dataVersion").asText());
    }
    if (s.path("detail").isTextual()) {
      out.println("detail: " + s.path("detail").asText());
    }
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : "-";
  }
}
