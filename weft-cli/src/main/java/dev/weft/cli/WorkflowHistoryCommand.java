package dev.weft.cli;

import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft workflow history WORKFLOW_ID}: a run's events, one line each (ID, time, type), or the
 * whole history as JSON with {@code --output json} (the format {@code export} writes and {@code
 * import} reads).
 */
@Command(name = "history", description = "Prints a run's history: one event per line, or JSON.")
final class WorkflowHistoryCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;
  @Mixin private RunTarget run;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowHistoryCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return client.run(
        err,
        c -> {
          WorkflowHistory history = run.handle(c).fetchHistory();
          if (client.output() == OutputFormat.json) {
            out.println(history.toJson());
            return 0;
          }
          out.printf("%-6s  %-24s  %s%n", "ID", "TIME", "EVENT");
          for (HistoryEvent e : history.events()) {
            out.printf("%-6d  %-24s  %s%n", e.eventId(), e.time(), e.type());
          }
          return 0;
        });
  }
}
