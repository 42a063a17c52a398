package dev.weft.examples.approval;

import java.time.Instant;

/**
 * A notification that a {@link NotificationOutbox} sent.
 *
 * @param workflowId the workflow that sent it
 * @param to the recipient
 * @param kind {@link #APPROVAL_REQUEST}, {@link #ESCALATION} or {@link #OUTCOME}
 * @param text what it says
 * @param sentAt when the sending activity attempt started (engine time)
 */
public record Notification(String workflowId, String to, String kind, String text, Instant sentAt) {

  /** An approver is asked to decide. */
  public static final String APPROVAL_REQUEST = "approval-request";

  /** The escalation approver is asked to decide, because the approver did not answer. */
  public static final String ESCALATION = "escalation";

  /** The requester is told the outcome. */
  public static final String OUTCOME = "outcome";
}
