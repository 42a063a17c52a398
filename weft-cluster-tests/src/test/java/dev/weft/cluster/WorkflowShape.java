package dev.weft.cluster;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.WorkflowAlreadyStartedException;
import java.util.StringJoiner;

/**
 * The size of the pipeline workflows a test starts, and how to start one idempotently.
 *
 * @param steps activities per workflow, run one after the other
 * @param workMillis how long each activity works
 * @param sleepMillis the durable timer after the middle step; 0 for none
 */
record WorkflowShape(int steps, int workMillis, long sleepMillis) {

  /** How many timers a workflow of this shape starts and fires. */
  int timers() {
    return sleepMillis > 0 ? 1 : 0;
  }

  /** What step {@code index} of {@code workflowId} returns. */
  static String stepResult(String workflowId, int index) {
    return workflowId + "/" + index;
  }

  /** What a workflow of this shape returns. */
  String expectedResult(String workflowId) {
    StringJoiner joiner = new StringJoiner(",");
    for (int i = 1; i <= steps; i++) {
      joiner.add(stepResult(workflowId, i));
    }
    return joiner.toString();
  }

  /**
   * Starts {@code workflowId} unless it was started already: safe to call again after a start whose
   * outcome is unknown (a connection lost during its commit) without ever making a second run.
   */
  void start(WeftClient client, String workflowId) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .taskQueue(ClusterSettings.QUEUE)
            .workflowId(workflowId)
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
            .idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING)
            .build();
    PipelineWorkflow stub = client.newWorkflowStub(PipelineWorkflow.class, options);
    try {
      client.start(stub::run, steps, workMillis, sleepMillis);
    } catch (WorkflowAlreadyStartedException e) {
      // an earlier attempt started it and it has completed already
    }
  }
}
