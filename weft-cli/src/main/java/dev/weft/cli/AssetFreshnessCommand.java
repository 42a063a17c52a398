package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset freshness [KEY]}: an asset's freshness policy, state and recent violations;
 * without a key, the assets violating their policy now.
 */
@Command(
    name = "freshness",
    description =
        "Prints an asset's freshness policy, whether it is fresh (until when) or violated (since"
            + " when), and its violations newest first; without KEY, the assets violating their"
            + " policy now.")
final class AssetFreshnessCommand implements Callable<Integer> {
  private static final String ROW = "%-40s %-24s %-24s %-24s %s%n";

  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "KEY",
      description = "the asset key, e.g. chain/raw_blocks; none for every open violation")
  private String key;

  @Mixin private PagingOptions paging;

  private final PrintStream out;
  private final PrintStream err;

  AssetFreshnessCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(err, http -> key == null ? open(http) : asset(http));
  }

  private int open(ApiHttp http) throws ApiHttp.Refused {
    JsonNode list = http.get(ns.base() + "/freshness-violations");
    if (api.output == OutputFormat.json) {
      out.println(ApiHttp.pretty(list));
      return 0;
    }
    if (list.path("violations").isEmpty()) {
      out.println("no asset violates its freshness policy");
      return 0;
    }
    violations(list.path("violations"));
    return 0;
  }

  private int asset(ApiHttp http) throws ApiHttp.Refused {
    JsonNode status = http.get(ns.asset(key) + "/freshness");
    String path = ns.asset(key) + "/freshness/violations?" + paging.query(10);
    JsonNode page = http.get(path);
    if (api.output == OutputFormat.json) {
      out.println(ApiHttp.pretty(status));
      out.println(ApiHttp.pretty(page));
      return 0;
    }
    JsonNode policy = status.path("policy");
    switch (status.path("status").asText()) {
      case "NO_POLICY" -> out.println(key + ": no freshness policy");
      case "FRESH" ->
          out.println(
              key
                  + ": FRESH until "
                  + status.path("freshUntil").asText("-")
                  + " ("
                  + describe(policy)
                  + ")");
      default ->
          out.println(
              key
                  + ": VIOLATED since "
                  + status.path("violatedSince").asText()
                  + " ("
                  + describe(policy)
                  + ")");
    }
    if (status.path("latePartitions").size() > 0) {
      List<String> late = new ArrayList<>();
      status.path("latePartitions").forEach(p -> late.add(p.asText()));
      out.println("late partitions (" + late.size() + "): " + String.join(", ", late));
    }
    if (!status.path("lastMaterializedAt").isMissingNode()) {
      out.println("last materialized at " + status.path("lastMaterializedAt").asText());
    }
    if (!page.path("violations").isEmpty()) {
      out.println();
      violations(page.path("violations"));
    }
    if (page.has("nextPageToken")) {
      out.println("next page: --page-token " + page.path("nextPageToken").asText());
    }
    return 0;
  }

  private void violations(JsonNode list) {
    out.printf(
        ROW, "ASSET", "LATE SINCE", "CLEARED AT", "LAST MATERIALIZED", "POLICY / CLEARED BY");
    for (JsonNode v : list) {
      out.printf(
          ROW,
          v.path("assetKey").asText(),
          v.path("deadline").asText(),
          v.path("clearedAt").asText("open"),
          v.path("lastMaterializedAt").asText("never"),
          v.path("policy").asText()
              + (v.has("clearReason") ? " / " + v.path("clearReason").asText() : ""));
    }
  }

  private static String describe(JsonNode policy) {
    return "MAX_LAG".equals(policy.path("kind").asText())
        ? "max lag " + policy.path("maxLag").asText()
        : "partition deadline " + policy.path("deadline").asText();
  }
}
