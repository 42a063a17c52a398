package dev.weft.schedules.internal;

import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** A test workflow that waits for a decision signal and returns its request and the decision. */
@WorkflowInterface
public interface Approval {
  /** The task queue the tests serve it on. */
  String QUEUE = "approvals";

  /** Waits for {@link #decide} and returns {@code request + ":" + decision}. */
  @WorkflowMethod(name = "Approval")
  String run(String request);

  /** Delivers the decision. */
  @SignalMethod(name = "decide")
  void decide(String decision);
}
