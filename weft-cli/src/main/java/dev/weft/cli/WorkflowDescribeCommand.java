package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft workflow describe WORKFLOW_ID}: a run as an operator sees it (status, times, history
 * size and warning, pending work, search attributes, memo, a failing workflow task), one field per
 * line (see {@link DescriptionFormat}). The latest run unless {@code --run-id} names one.
 */
@Command(
    name = "describe",
    description = "Shows a run: status, times, history, pending work, search attributes, memo.")
final class WorkflowDescribeCommand implements Callable<Integer> {
  @Mixin private ClientOptions store;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "the workflow ID")
  private String workflowId;

  @Option(
      names = "--run-id",
      paramLabel = "RUN_ID",
      description = "the run to describe (default: the latest)")
  private String runId;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowDescribeCommand(PrintStream out, PrintStream err) {
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
          if (store.output() == OutputFormat.json) {
            out.println(JsonValues.write(handle.describe()));
          } else {
            DescriptionFormat.lines(handle.describe()).forEach(out::println);
          }
          return 0;
        });
  }
}
