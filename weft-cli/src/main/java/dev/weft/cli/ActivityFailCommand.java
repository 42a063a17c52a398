package dev.weft.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft activity fail}: records that an attempt failed; the activity's retry policy decides
 * whether another attempt follows, unless the failure is non-retryable.
 */
@Command(
    name = "fail",
    description =
        "Fails an activity attempt; its retry policy decides whether another attempt follows"
            + " (--non-retryable: none).")
final class ActivityFailCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private ActivityTarget target;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      required = true,
      description = "the failure type (matched by the retry policy's nonRetryableErrorTypes)")
  private String type;

  @Option(names = "--message", paramLabel = "TEXT", description = "what went wrong")
  private String message;

  @Option(names = "--details", paramLabel = "JSON", description = "details as a JSON value")
  private String details;

  @Option(names = "--non-retryable", description = "no further attempt")
  private boolean nonRetryable;

  private final PrintStream out;
  private final PrintStream err;

  ActivityFailCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    if (message != null) {
      body.put("message", message);
    }
    if (details != null) {
      try {
        body.put("details", ActivityTarget.json("--details", details));
      } catch (ActivityTarget.BadJson e) {
        return e.report(err);
      }
    }
    body.put("nonRetryable", nonRetryable);
    return api.run(
        err,
        http -> {
          http.post(target.path("fail"), body);
          if (api.output == OutputFormat.json) {
            out.println(JsonValues.write(target.reported("fail")));
          } else {
            out.println(
                "Failed the activity attempt ("
                    + type
                    + (nonRetryable ? ", non-retryable" : ", the retry policy decides what follows")
                    + ").");
          }
          return 0;
        });
  }
}
