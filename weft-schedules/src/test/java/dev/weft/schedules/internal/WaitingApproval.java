package dev.weft.schedules.internal;

import dev.weft.workflow.Workflow;

/** {@link Approval}: waits for the signal. */
public final class WaitingApproval implements Approval {
  private String decision;

  @Override
  public String run(String request) {
    Workflow.await(() -> decision != null);
    return request + ":" + decision;
  }

  @Override
  public void decide(String decision) {
    this.decision = decision;
  }
}
