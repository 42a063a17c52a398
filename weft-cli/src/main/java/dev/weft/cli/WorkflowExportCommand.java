package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft workflow export WORKFLOW_ID}: writes a run's history as JSON ({@link
 * WorkflowHistory#toJson()}), the format the replay tester reads and {@code weft workflow import}
 * takes: to standard output, or to {@code --out FILE} (replaced if it exists) with a line saying
 * what was written. The latest run unless {@code --run-id} names one.
 */
@Command(
    name = "export",
    description = {
      "Writes a run's history as JSON, for the replay tester (WorkflowReplayer) or an import.",
      "To standard output unless --out names a file."
    })
final class WorkflowExportCommand implements Callable<Integer> {
  @Mixin private ClientOptions store;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "the workflow ID")
  private String workflowId;

  @Option(
      names = "--run-id",
      paramLabel = "RUN_ID",
      description = "the run to export (default: the latest)")
  private String runId;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "the file to write (default: standard output)")
  private Path file;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowExportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return store.run(
        err,
        client -> {
          WorkflowHandle<Object> handle =
              runId == null ? client.getHandle(workflowId) : client.getHandle(workflowId, runId);
          WorkflowHistory history = handle.fetchHistory();
          String json = history.toJson();
          if (file == null) {
            out.println(json.stripTrailing());
            return 0;
          }
          Path target = file.toAbsolutePath().normalize();
          Files.writeString(target, json);
          out.println(
              "wrote "
                  + history.events().size()
                  + " events of workflow "
                  + history.workflowId()
                  + " (run "
                  + history.runId()
                  + ") to "
                  + target);
          return 0;
        });
  }
}
