package dev.weft.cluster;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInfo;

/**
 * The step as a node runs it: each execution is journaled when it starts and when it ends, so the
 * test can count how many times each step really ran, whatever the history says.
 */
final class JournaledStep implements Step {
  private final ExecutionJournal journal;
  private final String nodeId;

  JournaledStep(ExecutionJournal journal, String nodeId) {
    this.journal = journal;
    this.nodeId = nodeId;
  }

  @Override
  public String step(String workflowId, int index, int workMillis) {
    ActivityInfo info = Activity.getInfo();
    journal.append(Execution.Phase.START, info, nodeId);
    try {
      Thread.sleep(workMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working", e);
    }
    journal.append(Execution.Phase.END, info, nodeId);
    return WorkflowShape.stepResult(workflowId, index);
  }
}
