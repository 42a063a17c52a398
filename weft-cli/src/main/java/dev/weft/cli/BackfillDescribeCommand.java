package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft backfill describe ID}: a backfill's progress per asset and its failed ranges. */
@Command(
    name = "describe",
    description = "Prints a backfill: status, progress per asset, throughput and failed ranges.")
final class BackfillDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ID", description = "the backfill ID (bf-...)")
  private String id;

  private final PrintStream out;
  private final PrintStream err;

  BackfillDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path = ns.base() + "/backfills/" + AssetNamespace.encode(id);
    return api.run(
        err,
        http -> {
          JsonNode b = http.get(path);
          JsonNode failed = http.get(path + "/failed?pageSize=20");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(b));
            out.println(ApiHttp.pretty(failed));
            return 0;
          }
          BackfillFormat.print(out, b);
          if (!failed.path("failed").isEmpty()) {
            out.println();
            out.println("failed:");
            for (JsonNode f : failed.path("failed")) {
              out.println(
                  "  "
                      + f.path("assetKey").asText()
                      + " "
                      + f.path("from").asText()
                      + (f.path("partitions").asLong() > 1 ? ".." + f.path("to").asText() : "")
                      + ": "
                      + f.path("error").asText());
            }
          }
          return 0;
        });
  }
}
