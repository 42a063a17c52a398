package dev.weft.examples.approval;

import dev.weft.activity.ActivityInterface;
import java.time.Instant;

/**
 * Tells people about an approval: the approvers that they are asked, the requester how it ended.
 * Implementations must be idempotent per workflow, recipient and kind: activities are delivered at
 * least once.
 */
@ActivityInterface
public interface ApprovalNotifications {

  /**
   * Asks {@code approver} to approve or reject {@code request} by {@code respondBy}; {@code
   * escalation} tells that a first approver did not answer in time.
   */
  void askForApproval(
      ExpenseRequest request, String approver, Instant respondBy, boolean escalation);

  /** Tells the requester the outcome: approved, rejected (by whom, why) or expired. */
  void notifyRequester(ExpenseRequest request, ApprovalState outcome);
}
