package dev.weft.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft queue pause QUEUE}: Pauses a task queue: none of its tasks is dispatched until it is
 * resumed.
 */
@Command(
    name = "pause",
    description = "Pauses a task queue: none of its tasks is dispatched until it is resumed.")
final class QueuePauseCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private QueueTarget queue;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "by weft queue pause",
      description = "why (default: ${DEFAULT-VALUE})")
  private String reason;

  @Option(
      names = "--activity-type",
      paramLabel = "TYPE",
      description = "pause only the activities of this type on the queue")
  private String activityType;

  private final PrintStream out;
  private final PrintStream err;

  QueuePauseCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          if (activityType != null) {
            http.post(
                queue.path() + "/activity-types/" + QueueTarget.encode(activityType) + "/pause",
                Map.of("reason", reason));
            return FlowControlFormat.print(
                http.get(queue.flowControlPath()), queue.name(), api.output, out);
          }
          return QueueFormat.print(
              http.post(queue.path() + "/pause", Map.of("reason", reason)), api.output, out);
        });
  }
}
