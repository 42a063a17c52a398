package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weft schedule list}: the namespace's schedules with their next fire times. */
@Command(
    name = "list",
    description = "Lists the schedules: ID, when they fire, action, paused, next fire time.")
final class ScheduleListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  private final PrintStream out;
  private final PrintStream err;

  ScheduleListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode page = http.get(ns.base() + "/schedules");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(page));
            return 0;
          }
          ScheduleFormat.header(out);
          for (JsonNode s : page.path("schedules")) {
            ScheduleFormat.row(out, s);
          }
          return 0;
        });
  }
}
