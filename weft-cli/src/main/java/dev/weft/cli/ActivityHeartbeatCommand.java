package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft activity heartbeat}: records heartbeat details for an attempt and extends its lease;
 * prints whether the workflow requested the activity's cancel.
 */
@Command(
    name = "heartbeat",
    description =
        "Records a heartbeat of an activity attempt (extends its lease) and says whether its"
            + " cancel was requested.")
final class ActivityHeartbeatCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private ActivityTarget target;

  @Option(
      names = "--details",
      paramLabel = "JSON",
      description = "progress details as a JSON value, kept for the next attempt")
  private String details;

  private final PrintStream out;
  private final PrintStream err;

  ActivityHeartbeatCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new HashMap<>();
    if (details != null) {
      try {
        body.put("details", ActivityTarget.json("--details", details));
      } catch (ActivityTarget.BadJson e) {
        return e.report(err);
      }
    }
    return api.run(
        err,
        http -> {
          JsonNode answer = http.post(target.path("heartbeat"), body);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(answer));
          } else {
            boolean cancel = answer.path("cancelRequested").asBoolean();
            out.println(
                "Heartbeat recorded; cancel requested: "
                    + (cancel ? "yes (stop the work and report)" : "no"));
          }
          return 0;
        });
  }
}
