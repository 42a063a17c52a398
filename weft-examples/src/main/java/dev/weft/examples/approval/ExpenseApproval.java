package dev.weft.examples.approval;

import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ApprovalWorkflow}. Each wait is a durable timer ({@link Workflow#await(Duration,
 * java.util.function.BooleanSupplier)}) that an accepted decision cuts short; the deadlines count
 * from when the approver is asked, the notification included.
 */
public final class ExpenseApproval implements ApprovalWorkflow {
  private final ApprovalNotifications notifications =
      Workflow.newActivityStub(
          ApprovalNotifications.class,
          ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());

  private String requestId;
  private ApprovalStage stage = ApprovalStage.WAITING_FOR_APPROVER;
  private Instant requestedAt;
  private String approver;
  private Instant askedAt;
  private Instant respondBy;
  private boolean escalated;
  private Decision decision;
  private Instant endedAt;
  private final List<RefusedDecision> refused = new ArrayList<>();

  @Override
  public ApprovalState requestApproval(ExpenseRequest request) {
    requestId = request.requestId();
    requestedAt = Workflow.now();
    ask(request, request.approver(), request.approvalTimeout());
    if (!awaitDecision()) {
      escalated = true;
      stage = ApprovalStage.ESCALATED;
      ask(request, request.escalationApprover(), request.escalationTimeout());
      if (!awaitDecision()) {
        stage = ApprovalStage.EXPIRED;
        endedAt = Workflow.now();
      }
    }
    notifications.notifyRequester(request, state());
    return state();
  }

  private void ask(ExpenseRequest request, String who, Duration timeout) {
    approver = who;
    askedAt = Workflow.now();
    respondBy = askedAt.plus(timeout);
    notifications.askForApproval(request, who, respondBy, escalated);
  }

  /** Waits until a decision or {@link #respondBy}; returns whether there is a decision. */
  private boolean awaitDecision() {
    Duration left = Duration.between(Workflow.now(), respondBy);
    if (decision != null || left.isNegative() || left.isZero()) {
      return decision != null;
    }
    return Workflow.await(left, () -> decision != null);
  }

  @Override
  public void approve(String approver, String comment) {
    decide(approver, true, comment);
  }

  @Override
  public void reject(String approver, String comment) {
    decide(approver, false, comment);
  }

  private void decide(String from, boolean approve, String comment) {
    Instant now = Workflow.now();
    String refusal = refusal(from);
    if (refusal != null) {
      refused.add(new RefusedDecision(from, approve, refusal, now));
      return;
    }
    decision = new Decision(from, approve, comment == null ? "" : comment, now);
    stage = approve ? ApprovalStage.APPROVED : ApprovalStage.REJECTED;
    endedAt = now;
  }

  /** Returns why a decision from {@code from} is refused now, or {@code null} to accept it. */
  private String refusal(String from) {
    if (stage.decided()) {
      return "already " + stage + (decision == null ? "" : " by " + decision.approver());
    }
    if (approver == null) {
      return "no approver was asked yet";
    }
    if (!approver.equals(from)) {
      return "not the current approver (" + approver + ")";
    }
    return null;
  }

  @Override
  public ApprovalState state() {
    return new ApprovalState(
        requestId,
        stage,
        requestedAt,
        approver,
        askedAt,
        respondBy,
        escalated,
        decision,
        endedAt,
        refused);
  }
}
