package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft asset history KEY}: an asset's materializations and failures, newest first. */
@Command(
    name = "history",
    description =
        "Lists an asset's materializations and failed materializations, newest first, a page at a"
            + " time (the next page's token is printed last).")
final class AssetHistoryCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "KEY", description = "the asset key, e.g. chain/raw_blocks")
  private String key;

  @Mixin private PagingOptions paging;

  private final PrintStream out;
  private final PrintStream err;

  AssetHistoryCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path = ns.asset(key) + "/history?" + paging.query(20);
    return api.run(
        err,
        http -> {
          JsonNode page = http.get(path);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(page));
            return 0;
          }
          String row = "%-8s %-13s %-24s %-20s %s%n";
          out.printf(row, "ID", "OUTCOME", "AT", "DATA VERSION", "RUN / ERROR");
          for (JsonNode e : page.path("entries")) {
            JsonNode m = e.path("materialization");
            boolean failed = "FAILED".equals(e.path("outcome").asText());
            out.printf(
                row,
                e.path("id").asText(),
                e.path("outcome").asText(),
                e.path("at").asText(),
                failed ? "-" : m.path("dataVersion").asText(),
                failed
                    ? e.path("failureType").asText() + ": " + e.path("failureMessage").asText()
                    : m.path("runId").asText("-"));
          }
          if (page.has("nextPageToken")) {
            out.println("next page: --page-token " + page.path("nextPageToken").asText());
          }
          return 0;
        });
  }
}
