package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weft backfill list [--status S]}: the namespace's backfills, newest first. */
@Command(name = "list", description = "Lists the backfills, newest first, with their progress.")
final class BackfillListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Option(
      names = "--status",
      paramLabel = "S",
      description =
          "only backfills of this status: REQUESTED, RUNNING, PAUSED, CANCELING, CANCELED,"
              + " COMPLETED, FAILED")
  private String status;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "20",
      description = "backfills per page, 1 to 1000 (default: ${DEFAULT-VALUE})")
  private int pageSize;

  @Option(
      names = "--page-token",
      paramLabel = "TOKEN",
      description = "the token a previous page printed, for the next page")
  private String pageToken;

  private final PrintStream out;
  private final PrintStream err;

  BackfillListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path =
        ns.base()
            + "/backfills?pageSize="
            + pageSize
            + (status == null ? "" : "&status=" + AssetNamespace.encode(status))
            + (pageToken == null ? "" : "&pageToken=" + AssetNamespace.encode(pageToken));
    return api.run(
        err,
        http -> {
          JsonNode page = http.get(path);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(page));
            return 0;
          }
          if (page.path("backfills").isEmpty()) {
            out.println("no backfill");
          }
          page.path("backfills").forEach(b -> out.println(BackfillFormat.line(b)));
          if (page.hasNonNull("nextPageToken")) {
            out.println("next page: --page-token " + page.path("nextPageToken").asText());
          }
          return 0;
        });
  }
}
