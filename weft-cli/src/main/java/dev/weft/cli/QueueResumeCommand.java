package dev.weft.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weft queue resume QUEUE}: Resumes a paused task queue. */
@Command(name = "resume", description = "Resumes a paused task queue.")
final class QueueResumeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private QueueTarget queue;

  @picocli.CommandLine.Option(
      names = "--activity-type",
      paramLabel = "TYPE",
      description = "resume only the activities of this type on the queue")
  private String activityType;

  private final PrintStream out;
  private final PrintStream err;

  QueueResumeCommand(PrintStream out, PrintStream err) {
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
                queue.path() + "/activity-types/" + QueueTarget.encode(activityType) + "/resume",
                Map.of());
            return FlowControlFormat.print(
                http.get(queue.flowControlPath()), queue.name(), api.output, out);
          }
          return QueueFormat.print(http.post(queue.path() + "/resume", Map.of()), api.output, out);
        });
  }
}
