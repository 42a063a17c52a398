package dev.weft.examples.approval;

/** Where an {@link ApprovalWorkflow} is. The last three are final. */
public enum ApprovalStage {
  /** The first approver was asked and has not answered yet. */
  WAITING_FOR_APPROVER,
  /** The first approver did not answer in time; the escalation approver was asked. */
  ESCALATED,
  /** Approved by the approver who was asked at the time. */
  APPROVED,
  /** Rejected by the approver who was asked at the time. */
  REJECTED,
  /** Nobody answered, neither the approver nor the escalation approver: not approved. */
  EXPIRED;

  /** Returns whether the request is decided (approved, rejected or expired). */
  public boolean decided() {
    return this == APPROVED || this == REJECTED || this == EXPIRED;
  }
}
