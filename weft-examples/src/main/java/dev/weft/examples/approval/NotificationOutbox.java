package dev.weft.examples.approval;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ApprovalNotifications} that "send" into memory, so the demo and tests can see what went
 * out. Idempotent: a retried notification of the same kind to the same person from the same
 * workflow is not sent twice. Thread-safe.
 */
public final class NotificationOutbox implements ApprovalNotifications {
  private final List<Notification> sent = new ArrayList<>();

  @Override
  public void askForApproval(
      ExpenseRequest request, String approver, Instant respondBy, boolean escalation) {
    String text =
        String.format(
            "%s%s asks for %s for \"%s\" (request %s): approve or reject by %s",
            escalation ? "escalated, " + request.approver() + " did not answer: " : "",
            request.requester(),
            request.formattedAmount(),
            request.description(),
            request.requestId(),
            respondBy);
    send(approver, escalation ? Notification.ESCALATION : Notification.APPROVAL_REQUEST, text);
  }

  @Override
  public void notifyRequester(ExpenseRequest request, ApprovalState outcome) {
    Decision d = outcome.decision();
    String text =
        d == null
            ? "request " + request.requestId() + " expired: nobody answered"
            : String.format(
                "request %s %s by %s: %s",
                request.requestId(), outcome.stage(), d.approver(), d.comment());
    send(request.requester(), Notification.OUTCOME, text);
  }

  private synchronized void send(String to, String kind, String text) {
    ActivityInfo info = Activity.getInfo();
    boolean already =
        sent.stream()
            .anyMatch(
                n ->
                    n.workflowId().equals(info.workflowId())
                        && n.to().equals(to)
                        && n.kind().equals(kind));
    if (!already) {
      sent.add(new Notification(info.workflowId(), to, kind, text, info.startedAt()));
    }
  }

  /** Returns every notification sent, in order. */
  public synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** Returns the notifications one workflow sent, in order. */
  public synchronized List<Notification> sentBy(String workflowId) {
    return sent.stream().filter(n -> n.workflowId().equals(workflowId)).toList();
  }
}
