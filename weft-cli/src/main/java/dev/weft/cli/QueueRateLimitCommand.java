package dev.weft.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft queue rate-limit QUEUE --per-second N [--burst B] | --remove}: limits how fast a
 * queue's activities start, across all workers and nodes; prints the queue's flow control after.
 */
@Command(
    name = "rate-limit",
    description =
        "Limits how fast a task queue's activities start, across all workers and nodes (a token"
            + " bucket), or removes the limit.")
final class QueueRateLimitCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private QueueTarget queue;

  @ArgGroup(multiplicity = "1")
  private Choice choice;

  static final class Choice {
    @ArgGroup(exclusive = false)
    RateOptions rate;

    @Option(names = "--remove", required = true, description = "remove the queue's rate limit")
    boolean remove;
  }

  private final PrintStream out;
  private final PrintStream err;

  QueueRateLimitCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          String path = queue.path() + "/rate-limit";
          if (choice.remove) {
            http.delete(path);
          } else {
            http.put(path, choice.rate.body());
          }
          return FlowControlFormat.print(
              http.get(queue.flowControlPath()), queue.name(), api.output, out);
        });
  }

  /** {@code --per-second N [--burst B]}: a rate limit. */
  static final class RateOptions {
    @Option(
        names = "--per-second",
        paramLabel = "N",
        required = true,
        description = "starts a second (a positive number)")
    double perSecond;

    @Option(
        names = "--burst",
        paramLabel = "B",
        description = "the bucket's size (default: --per-second rounded up)")
    Integer burst;

    Map<String, Object> body() {
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("perSecond", perSecond);
      if (burst != null) {
        rate.put("burst", burst);
      }
      return rate;
    }
  }
}
