package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weft asset list}: every asset with its status and reasons, filtered. */
@Command(
    name = "list",
    description =
        "Lists the assets of the namespace's graph: key, status (FRESH, STALE, MISSING, FAILED),"
            + " group, latest materialization, stale reasons.")
final class AssetListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "only assets with this status: FRESH, STALE, MISSING or FAILED")
  private String status;

  @Option(names = "--group", paramLabel = "GROUP", description = "only assets of this group")
  private String group;

  private final PrintStream out;
  private final PrintStream err;

  AssetListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    List<String> query = new ArrayList<>();
    if (status != null) {
      query.add("status=" + AssetNamespace.encode(status.toUpperCase(java.util.Locale.ROOT)));
    }
    if (group != null) {
      query.add("group=" + AssetNamespace.encode(group));
    }
    String path = ns.assets() + (query.isEmpty() ? "" : "?" + String.join("&", query));
    return api.run(
        err,
        http -> {
          JsonNode list = http.get(path);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(list));
          } else {
            AssetFormat.summaries(out, list.path("assets"));
          }
          return 0;
        });
  }
}
