package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft workflow reset WORKFLOW_ID --event-id N}: starts a new run of a workflow from a
 * workflow-task point of one of its runs ({@link dev.weft.client.WeftClient#reset}), for fixing a
 * bad deploy; the workflow's running run, if any, is terminated. Prints the new run ID. The new run
 * goes on in the next engine serving its task queue. An event that does not end a workflow task
 * exits 2 with the valid points; nothing is written then.
 */
@Command(
    name = "reset",
    description = {
      "Starts a new run from a workflow-task point (a WorkflowTaskCompleted event) of a run.",
      "The running run, if any, is terminated; the new run goes on in the next engine that opens"
          + " the store."
    })
final class WorkflowResetCommand implements Callable<Integer> {
  @Mixin private ClientOptions store;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "the workflow ID")
  private String workflowId;

  @Option(
      names = "--event-id",
      required = true,
      paramLabel = "N",
      description = "a WorkflowTaskCompleted event of the run's history")
  private long eventId;

  @Option(
      names = "--run-id",
      paramLabel = "RUN_ID",
      description = "the run whose history to use (default: the latest)")
  private String runId;

  @Option(names = "--reason", paramLabel = "TEXT", description = "recorded in the history")
  private String reason;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowResetCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return store.run(
        err,
        client -> {
          String base = runId != null ? runId : client.getHandle(workflowId).runId();
          String newRunId = client.reset(workflowId, base, eventId, reason).runId();
          out.println(
              "reset workflow "
                  + workflowId
                  + " from event "
                  + eventId
                  + " of run "
                  + base
                  + ": new run "
                  + newRunId);
          return 0;
        });
  }
}
