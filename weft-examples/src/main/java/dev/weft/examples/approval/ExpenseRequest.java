package dev.weft.examples.approval;

import java.time.Duration;
import java.util.Objects;

/**
 * An expense to approve: who spends how much on what, who approves it, and who decides when the
 * approver does not answer in time.
 *
 * @param requestId the request ID, the key of the workflow and of its notifications
 * @param requester who asks for the money; told of the outcome
 * @param description what the money is for
 * @param amountCents the amount in cents, positive
 * @param approver who is asked first (for example the requester's manager)
 * @param escalationApprover who is asked when {@code approver} does not answer within {@code
 *     approvalTimeout}
 * @param approvalTimeout how long {@code approver} has; {@code null} for {@link
 *     #DEFAULT_APPROVAL_TIMEOUT}
 * @param escalationTimeout how long {@code escalationApprover} has before the request expires;
 *     {@code null} for {@link #DEFAULT_ESCALATION_TIMEOUT}
 */
public record ExpenseRequest(
    String requestId,
    String requester,
    String description,
    long amountCents,
    String approver,
    String escalationApprover,
    Duration approvalTimeout,
    Duration escalationTimeout) {

  /** How long the first approver has by default: three days. */
  public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofDays(3);

  /** How long the escalation approver has by default: two more days. */
  public static final Duration DEFAULT_ESCALATION_TIMEOUT = Duration.ofDays(2);

  /**
   * Validates the request and applies the default timeouts; each error names the field and value.
   */
  public ExpenseRequest {
    requireText("requestId", requestId);
    requireText("requester", requester);
    requireText("approver", approver);
    requireText("escalationApprover", escalationApprover);
    Objects.requireNonNull(description, "description");
    if (amountCents <= 0) {
      throw new IllegalArgumentException(
          "ExpenseRequest.amountCents must be positive, was " + amountCents);
    }
    if (approver.equals(requester) || escalationApprover.equals(requester)) {
      throw new IllegalArgumentException(
          "ExpenseRequest: " + requester + " cannot approve their own request " + requestId);
    }
    if (approver.equals(escalationApprover)) {
      throw new IllegalArgumentException(
          "ExpenseRequest.escalationApprover must differ from approver, both were " + approver);
    }
    approvalTimeout = positiveOr("approvalTimeout", approvalTimeout, DEFAULT_APPROVAL_TIMEOUT);
    escalationTimeout =
        positiveOr("escalationTimeout", escalationTimeout, DEFAULT_ESCALATION_TIMEOUT);
  }

  /** Returns a request with the default timeouts (three days, then two more). */
  public static ExpenseRequest of(
      String requestId,
      String requester,
      String description,
      long amountCents,
      String approver,
      String escalationApprover) {
    return new ExpenseRequest(
        requestId, requester, description, amountCents, approver, escalationApprover, null, null);
  }

  /** Returns the workflow ID that decides this request: {@code approval-<requestId>}. */
  public String workflowId() {
    return "approval-" + requestId;
  }

  /** Returns the amount as text, for example {@code 1250.00}. */
  public String formattedAmount() {
    return String.format("%d.%02d", amountCents / 100, amountCents % 100);
  }

  private static void requireText(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException("ExpenseRequest." + field + " must not be blank");
    }
  }

  private static Duration positiveOr(String field, Duration value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "ExpenseRequest." + field + " must be positive, was " + value);
    }
    return value;
  }
}
