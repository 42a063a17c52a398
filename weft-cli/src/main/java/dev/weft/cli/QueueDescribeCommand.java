package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft queue describe QUEUE}: Shows a task queue: backlog, oldest task age, pause, pollers.
 */
@Command(
    name = "describe",
    description = "Shows a task queue: backlog, oldest task age, pause, pollers.")
final class QueueDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private QueueTarget queue;

  private final PrintStream out;
  private final PrintStream err;

  QueueDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(err, http -> QueueFormat.print(http.get(queue.path()), api.output, out));
  }
}
