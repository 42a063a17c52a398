package dev.weft.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft schedule backfill ID --from T --to T}: fires a schedule over a past time range. */
@Command(
    name = "backfill",
    description =
        "Fires a schedule at every fire time in (--from, --to], in order; a fire time that fired"
            + " before starts nothing.")
final class ScheduleBackfillCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ID", description = "the schedule ID")
  private String id;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "INSTANT",
      description = "the start, exclusive, ISO-8601 (e.g. 2024-01-01T00:00:00Z)")
  private Instant from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "INSTANT",
      description = "the end, inclusive, ISO-8601")
  private Instant to;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      description = "the overlap policy of the backfill (default: the schedule's)")
  private String overlap;

  private final PrintStream out;
  private final PrintStream err;

  ScheduleBackfillCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      err.println("weft: --to " + to + " is before --from " + from + ": expected from <= to");
      return 2;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    if (overlap != null) {
      body.put("overlapPolicy", overlap);
    }
    String path = ns.base() + "/schedules/" + AssetNamespace.encode(id) + "/backfill";
    return api.run(
        err,
        http -> {
          http.post(path, body);
          if (api.output == OutputFormat.json) {
            out.println(
                JsonValues.write(Map.of("id", id, "from", from.toString(), "to", to.toString())));
          } else {
            out.println("backfilling " + id + " over (" + from + ", " + to + "]");
          }
          return 0;
        });
  }
}
