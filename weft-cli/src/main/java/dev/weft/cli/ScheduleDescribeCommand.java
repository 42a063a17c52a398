package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft schedule describe ID}: a schedule, its next fire times and its recent firings. */
@Command(
    name = "describe",
    description = "Prints a schedule: definition, next fire times and recent firings with runs.")
final class ScheduleDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ID", description = "the schedule ID")
  private String id;

  @Option(
      names = "--next",
      paramLabel = "N",
      defaultValue = "10",
      description = "how many next fire times (0 to 1000; default: ${DEFAULT-VALUE})")
  private int next;

  private final PrintStream out;
  private final PrintStream err;

  ScheduleDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (next < 0 || next > 1000) {
      err.println("weft: --next must be from 0 to 1000, was " + next);
      return 2;
    }
    String path = ns.base() + "/schedules/" + AssetNamespace.encode(id) + "?next=" + next;
    return api.run(
        err,
        http -> {
          JsonNode s = http.get(path);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(s));
          } else {
            ScheduleFormat.print(out, s);
          }
          return 0;
        });
  }
}
