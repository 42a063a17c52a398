package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A subcommand that does one thing to a backfill ({@code pause}, {@code resume}, {@code cancel},
 * {@code retry-failed}: the route's last segment) and prints the backfill it answers.
 */
abstract class BackfillControlCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ID", description = "the backfill ID (bf-...)")
  private String id;

  private final PrintStream out;
  private final PrintStream err;
  private final String action;
  private final String done;

  BackfillControlCommand(PrintStream out, PrintStream err, String action, String done) {
    this.out = out;
    this.err = err;
    this.action = action;
    this.done = done;
  }

  @Override
  public final Integer call() {
    String path = ns.base() + "/backfills/" + AssetNamespace.encode(id) + "/" + action;
    return api.run(
        err,
        http -> {
          JsonNode b = http.post(path, Map.of());
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(b));
          } else {
            out.println(done + " " + BackfillFormat.line(b));
          }
          return 0;
        });
  }

  /** {@code weft backfill pause ID}. */
  @Command(name = "pause", description = "Pauses a backfill: running computes end, none starts.")
  static final class Pause extends BackfillControlCommand {
    Pause(PrintStream out, PrintStream err) {
      super(out, err, "pause", "paused");
    }
  }

  /** {@code weft backfill resume ID}. */
  @Command(name = "resume", description = "Resumes a paused backfill.")
  static final class Resume extends BackfillControlCommand {
    Resume(PrintStream out, PrintStream err) {
      super(out, err, "resume", "resumed");
    }
  }

  /** {@code weft backfill cancel ID}. */
  @Command(
      name = "cancel",
      description = "Cancels a backfill: running computes end, none starts; it ends CANCELED.")
  static final class Cancel extends BackfillControlCommand {
    Cancel(PrintStream out, PrintStream err) {
      super(out, err, "cancel", "canceling");
    }
  }

  /** {@code weft backfill retry-failed ID}. */
  @Command(
      name = "retry-failed",
      description =
          "Launches a new backfill over exactly the partitions that failed or were skipped.")
  static final class RetryFailed extends BackfillControlCommand {
    RetryFailed(PrintStream out, PrintStream err) {
      super(out, err, "retry-failed", "launched");
    }
  }
}
