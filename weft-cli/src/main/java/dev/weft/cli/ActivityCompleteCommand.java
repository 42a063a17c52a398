package dev.weft.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weft activity complete}: records that an attempt returned a result. */
@Command(
    name = "complete",
    description = "Completes an activity attempt with a result (a JSON value; default null).")
final class ActivityCompleteCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private ActivityTarget target;

  @Option(
      names = "--result",
      paramLabel = "JSON",
      description = "the result as a JSON value, e.g. '\"approved\"' or '{\"id\": 7}'")
  private String result;

  private final PrintStream out;
  private final PrintStream err;

  ActivityCompleteCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new HashMap<>();
    try {
      body.put("result", ActivityTarget.json("--result", result));
    } catch (ActivityTarget.BadJson e) {
      return e.report(err);
    }
    return api.run(
        err,
        http -> {
          http.post(target.path("complete"), body);
          if (api.output == OutputFormat.json) {
            out.println(JsonValues.write(target.reported("complete")));
          } else {
            out.println("Completed the activity attempt.");
          }
          return 0;
        });
  }
}
