package dev.weft.cli;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The run a subcommand acts on: {@code WORKFLOW_ID}, and {@code --run-id} to pin one run (default:
 * the workflow's latest run). A picocli mixin.
 */
final class RunTarget {
  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "the workflow ID")
  private String workflowId;

  @Option(
      names = "--run-id",
      paramLabel = "RUN_ID",
      description = "one run of the workflow (default: the latest)")
  private String runId;

  /** The handle of the run on {@code client}. */
  WorkflowHandle<Object> handle(WeftClient client) {
    return runId == null ? client.getHandle(workflowId) : client.getHandle(workflowId, runId);
  }

  String workflowId() {
    return workflowId;
  }
}
