package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset automation KEY}: an asset's automation condition and its evaluations, newest
 * first.
 */
@Command(
    name = "automation",
    description =
        "Shows an asset's automation condition and its evaluations, newest first, a page at a time:"
            + " fired or not and why, the run it started, the change-log range it covered (the next"
            + " page's token is printed last).")
final class AssetAutomationCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(
      index = "0",
      paramLabel = "KEY",
      description = "the asset key, e.g. chain/clean_blocks")
  private String key;

  @Mixin private PagingOptions paging;

  private final PrintStream out;
  private final PrintStream err;

  AssetAutomationCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path = ns.asset(key) + "/automation?" + paging.query(20);
    return api.run(
        err,
        http -> {
          JsonNode page = http.get(path);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(page));
            return 0;
          }
          out.println(
              "condition: " + (page.has("condition") ? page.path("condition").asText() : "(none)"));
          String row = "%-8s %-6s %-24s %-13s %-40s %s%n";
          out.printf(row, "ID", "FIRED", "AT", "CHANGES", "RUN", "REASON");
          for (JsonNode e : page.path("evaluations")) {
            out.printf(
                row,
                e.path("id").asText(),
                e.path("fired").asBoolean() ? "yes" : "no",
                e.path("at").asText(),
                e.path("fromSeq").asText() + ".." + e.path("toSeq").asText(),
                e.path("workflowId").asText("-"),
                e.path("reason").asText());
          }
          if (page.has("nextPageToken")) {
            out.println("next page: --page-token " + page.path("nextPageToken").asText());
          }
          return 0;
        });
  }
}
