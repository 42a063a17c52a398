package dev.weft.cli;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft queue key-limit QUEUE --key K [--max-running N] [--per-second N [--burst B]] |
 * --remove}: limits the activities of one fairness key on a queue, across all workers and nodes;
 * prints the queue's flow control after.
 */
@Command(
    name = "key-limit",
    description =
        "Limits the activities of one fairness key on a task queue (how many run at once, how"
            + " fast they start), or removes the limits.")
final class QueueKeyLimitCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private QueueTarget queue;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      required = true,
      description = "the fairness key (Priority.fairnessKey)")
  private String key;

  @ArgGroup(multiplicity = "1")
  private Choice choice;

  static final class Choice {
    @ArgGroup(exclusive = false)
    Limits limits;

    @Option(names = "--remove", required = true, description = "remove the key's limits")
    boolean remove;
  }

  /** {@code --max-running N} and/or {@code --per-second N [--burst B]}. */
  static final class Limits {
    @Option(
        names = "--max-running",
        paramLabel = "N",
        description = "the most activities of the key running at once")
    Integer maxRunning;

    @Option(names = "--per-second", paramLabel = "N", description = "starts a second")
    Double perSecond;

    @Option(
        names = "--burst",
        paramLabel = "B",
        description = "the bucket's size (default: --per-second rounded up)")
    Integer burst;
  }

  private final PrintStream out;
  private final PrintStream err;

  QueueKeyLimitCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Limits limits = choice.limits;
    if (!choice.remove && limits.maxRunning == null && limits.perSecond == null) {
      err.println("weft: give --max-running, --per-second (or both), or --remove");
      return 2;
    }
    if (!choice.remove && limits.burst != null && limits.perSecond == null) {
      err.println("weft: --burst needs --per-second");
      return 2;
    }
    return api.run(
        err,
        http -> {
          String path =
              queue.path()
                  + "/fairness-keys/"
                  + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")
                  + "/limit";
          if (choice.remove) {
            http.delete(path);
          } else {
            http.put(path, body(limits));
          }
          return FlowControlFormat.print(
              http.get(queue.flowControlPath()), queue.name(), api.output, out);
        });
  }

  private static Map<String, Object> body(Limits limits) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (limits.maxRunning != null) {
      body.put("maxRunning", limits.maxRunning);
    }
    if (limits.perSecond != null) {
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("perSecond", limits.perSecond);
      if (limits.burst != null) {
        rate.put("burst", limits.burst);
      }
      body.put("rate", rate);
    }
    return body;
  }
}
