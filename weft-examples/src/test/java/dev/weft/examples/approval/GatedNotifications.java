package dev.weft.examples.approval;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Notifications whose message to the requester waits until the test opens the gate (30 s at most),
 * so that the run stays open after its decision for as long as the test needs.
 */
final class GatedNotifications implements ApprovalNotifications {
  final NotificationOutbox outbox = new NotificationOutbox();
  final CountDownLatch gate = new CountDownLatch(1);

  @Override
  public void askForApproval(
      ExpenseRequest request, String approver, Instant respondBy, boolean escalation) {
    outbox.askForApproval(request, approver, respondBy, escalation);
  }

  @Override
  public void notifyRequester(ExpenseRequest request, ApprovalState outcome) {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not open the gate within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    outbox.notifyRequester(request, outcome);
  }
}
