package dev.weft.uibench;

import dev.weft.failure.ApplicationFailure;
import dev.weft.workflow.Workflow;

/** The implementation of {@link OrderWorkflow}: no activity, one workflow task. */
public final class OrderWorkflowImpl implements OrderWorkflow {
  @Override
  public String process(int outcome) {
    if (outcome == FAIL) {
      throw ApplicationFailure.newNonRetryableFailure("the card was declined", "CardDeclined");
    }
    if (outcome == WAIT) {
      Workflow.await(() -> false);
    }
    return "shipped " + Workflow.getInfo().workflowId();
  }
}
