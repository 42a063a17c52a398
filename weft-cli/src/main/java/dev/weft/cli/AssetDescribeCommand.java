package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft asset describe KEY}: one asset's definition, state, lineage and checks. */
@Command(
    name = "describe",
    description =
        "Describes an asset: its definition, status and reasons, latest materialization, upstream"
            + " and downstream assets, and the latest result of each check.")
final class AssetDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "KEY", description = "the asset key, e.g. chain/raw_blocks")
  private String key;

  private final PrintStream out;
  private final PrintStream err;

  AssetDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode a = http.get(ns.asset(key));
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(a));
            return 0;
          }
          JsonNode state = a.path("state");
          JsonNode latest = state.path("latestMaterialization");
          String row = "%-22s %s%n";
          out.printf(row, "Asset", a.path("assetKey").asText());
          out.printf(row, "Kind", a.path("kind").asText());
          out.printf(row, "Group", a.path("group").asText());
          out.printf(row, "Code version", a.path("codeVersion").asText("-"));
          out.printf(row, "Description", a.path("definition").path("description").asText("-"));
          out.printf(row, "Status", state.path("status").asText());
          out.printf(row, "Reasons", AssetFormat.reasons(state.path("reasons")));
          out.printf(row, "Materialized", latest.path("finishedAt").asText("-"));
          out.printf(row, "Data version", latest.path("dataVersion").asText("-"));
          out.printf(row, "Run", latest.path("runId").asText("-"));
          if (state.has("lastFailureMessage")) {
            out.printf(row, "Last failure", state.path("lastFailureMessage").asText());
          }
          out.printf(row, "Upstream", AssetFormat.texts(a.path("upstream")));
          out.printf(row, "Downstream", AssetFormat.texts(a.path("downstream")));
          for (JsonNode c : a.path("checks")) {
            out.printf(
                row,
                "Check " + c.path("checkName").asText(),
                (c.path("passed").asBoolean() ? "passed" : "FAILED")
                    + " ("
                    + c.path("severity").asText()
                    + (c.path("blocking").asBoolean() ? ", blocking" : "")
                    + ") at "
                    + c.path("at").asText());
          }
          return 0;
        });
  }
}
