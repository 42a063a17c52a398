package dev.weft.examples.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.testing.RecordedHistories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The approval: a decision in time, an escalation after three days, expiry after five, the query at
 * each stage, and the signals it refuses.
 */
class ApprovalTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final ExpenseRequest TRIP =
      ExpenseRequest.of("exp-42", "carol", "conference trip", 125_000, "dave", "erin");

  @Test
  void isApprovedByTheApproverBeforeTheTimeoutWithoutEscalation() {
    NotificationOutbox outbox = new NotificationOutbox();
    try (ApprovalTestEnvironment t = new ApprovalTestEnvironment(false, outbox)) {
      WorkflowHandle<ApprovalState> handle = t.start(TRIP);
      ApprovalWorkflow running = t.running(TRIP);
      awaitNotified(running, outbox, ApprovalStage.WAITING_FOR_APPROVER, 1);

      running.approve("dave", "within the travel budget");

      ApprovalState done = handle.getResult(WAIT);
      assertThat(done.stage()).isEqualTo(ApprovalStage.APPROVED);
      assertThat(done.decision().approver()).isEqualTo("dave");
      assertThat(done.decision().approved()).isTrue();
      assertThat(done.decision().comment()).isEqualTo("within the travel budget");
      assertThat(done.decision().decidedAt()).isBefore(done.respondBy());
      assertThat(done.endedAt()).isEqualTo(done.decision().decidedAt());
      assertThat(done.escalated()).isFalse();
      assertThat(done.refused()).isEmpty();
      assertThat(sent(outbox)).containsExactly("approval-request to dave", "outcome to carol");
      assertThat(outbox.sent().get(1).text()).contains("APPROVED by dave");
      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(handle.describe().pendingTimers()).isEmpty();
      assertThat(running.state()).isEqualTo(done);
      RecordedHistories.record(ApprovalReplayTest.APPROVED, handle);
    }
  }

  @Test
  void escalatesAfterThreeDaysWithoutAnswerAndTheEscalationApproverApproves() {
    NotificationOutbox outbox = new NotificationOutbox();
    try (ApprovalTestEnvironment t = new ApprovalTestEnvironment(false, outbox)) {
      WorkflowHandle<ApprovalState> handle = t.start(TRIP);
      ApprovalWorkflow running = t.running(TRIP);
      ApprovalState waiting = awaitNotified(running, outbox, ApprovalStage.WAITING_FOR_APPROVER, 1);

      t.env.sleep(Duration.ofDays(3));

      ApprovalState escalated = awaitNotified(running, outbox, ApprovalStage.ESCALATED, 2);
      assertThat(escalated.approver()).isEqualTo("erin");
      assertThat(escalated.escalated()).isTrue();
      assertThat(escalated.askedAt()).isAfterOrEqualTo(waiting.respondBy());
      assertThat(escalated.respondBy()).isEqualTo(escalated.askedAt().plus(Duration.ofDays(2)));
      assertThat(sent(outbox)).containsExactly("approval-request to dave", "escalation to erin");

      running.approve("dave", "sorry, I was away");
      ApprovalState afterDave = awaitState(running, s -> !s.refused().isEmpty());
      assertThat(afterDave.refused())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.from()).isEqualTo("dave");
                assertThat(r.reason()).isEqualTo("not the current approver (erin)");
              });
      assertThat(afterDave.stage()).isEqualTo(ApprovalStage.ESCALATED);
      assertThat(afterDave.decision()).isNull();

      running.approve("erin", "fine, next time ask earlier");

      ApprovalState done = handle.getResult(WAIT);
      assertThat(done.stage()).isEqualTo(ApprovalStage.APPROVED);
      assertThat(done.decision().approver()).isEqualTo("erin");
      assertThat(done.escalated()).isTrue();
      assertThat(done.refused()).hasSize(1);
      assertThat(sent(outbox))
          .containsExactly("approval-request to dave", "escalation to erin", "outcome to carol");
      RecordedHistories.record(ApprovalReplayTest.ESCALATED, handle);
    }
  }

  @Test
  void expiresAfterFiveDaysWithoutAnAnswerInWellUnderASecond() {
    NotificationOutbox outbox = new NotificationOutbox();
    try (ApprovalTestEnvironment t = new ApprovalTestEnvironment(true, outbox)) {
      Instant engineStart = t.env.currentTime();
      long wallStart = System.nanoTime();

      WorkflowHandle<ApprovalState> handle = t.start(TRIP);
      ApprovalState done = handle.getResult(WAIT);

      Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
      System.out.println("5-day approval expired after " + wall.toMillis() + " ms of wall time");
      assertThat(done.stage()).isEqualTo(ApprovalStage.EXPIRED);
      assertThat(done.decision()).isNull();
      assertThat(done.escalated()).isTrue();
      assertThat(done.approver()).isEqualTo("erin");
      assertThat(Duration.between(done.requestedAt(), done.endedAt()))
          .isBetween(Duration.ofDays(5), Duration.ofDays(5).plusMinutes(1));
      assertThat(t.env.currentTime()).isAfterOrEqualTo(engineStart.plus(Duration.ofDays(5)));
      assertThat(sent(outbox))
          .containsExactly("approval-request to dave", "escalation to erin", "outcome to carol");
      assertThat(outbox.sent().get(2).text()).contains("expired");
      assertThat(t.running(TRIP).state().stage()).isEqualTo(ApprovalStage.EXPIRED);
      assertThat(wall).isLessThan(Duration.ofSeconds(1));
      RecordedHistories.record(ApprovalReplayTest.EXPIRED, handle);
    }
  }

  @Test
  void theQueryReportsEachStageWhoIsAskedAndSinceWhen() {
    NotificationOutbox outbox = new NotificationOutbox();
    try (ApprovalTestEnvironment t = new ApprovalTestEnvironment(false, outbox)) {
      WorkflowHandle<ApprovalState> handle = t.start(TRIP);
      ApprovalWorkflow running = t.running(TRIP);

      ApprovalState waiting = awaitNotified(running, outbox, ApprovalStage.WAITING_FOR_APPROVER, 1);
      assertThat(waiting.requestId()).isEqualTo("exp-42");
      assertThat(waiting.approver()).isEqualTo("dave");
      assertThat(waiting.askedAt()).isEqualTo(waiting.requestedAt());
      assertThat(waiting.respondBy()).isEqualTo(waiting.askedAt().plus(Duration.ofDays(3)));
      assertThat(waiting.escalated()).isFalse();
      assertThat(waiting.decision()).isNull();
      assertThat(waiting.endedAt()).isNull();

      t.env.sleep(Duration.ofDays(2));
      assertThat(running.state()).isEqualTo(waiting);
      t.env.sleep(Duration.ofDays(1));

      ApprovalState escalated = awaitNotified(running, outbox, ApprovalStage.ESCALATED, 2);
      assertThat(escalated.approver()).isEqualTo("erin");
      assertThat(escalated.askedAt())
          .isBetween(
              waiting.requestedAt().plus(Duration.ofDays(3)),
              waiting.requestedAt().plus(Duration.ofDays(3)).plusSeconds(30));
      assertThat(escalated.respondBy()).isEqualTo(escalated.askedAt().plus(Duration.ofDays(2)));
      assertThat(escalated.decision()).isNull();

      running.reject("erin", "over the budget");

      ApprovalState rejected = awaitState(running, s -> s.stage().decided());
      assertThat(rejected.stage()).isEqualTo(ApprovalStage.REJECTED);
      assertThat(rejected.decision().approver()).isEqualTo("erin");
      assertThat(rejected.decision().approved()).isFalse();
      assertThat(rejected.decision().comment()).isEqualTo("over the budget");
      assertThat(rejected.endedAt()).isEqualTo(rejected.decision().decidedAt());
      assertThat(rejected.approver()).isEqualTo("erin");
      assertThat(rejected.askedAt()).isEqualTo(escalated.askedAt());
      assertThat(handle.getResult(WAIT)).isEqualTo(rejected);
      assertThat(outbox.sent().get(2).text()).contains("REJECTED by erin: over the budget");
    }
  }

  @Test
  void aDecisionAfterTheFirstIsRefusedAndOnceTheRunClosedTheSignalFails() {
    GatedNotifications notifications = new GatedNotifications();
    try (ApprovalTestEnvironment t = new ApprovalTestEnvironment(false, notifications)) {
      WorkflowHandle<ApprovalState> handle = t.start(TRIP);
      ApprovalWorkflow running = t.running(TRIP);
      awaitNotified(running, notifications.outbox, ApprovalStage.WAITING_FOR_APPROVER, 1);
      running.approve("dave", "fine");
      ApprovalState approved = awaitState(running, s -> s.stage() == ApprovalStage.APPROVED);

      running.reject("dave", "on second thought, no");

      ApprovalState afterSecond = awaitState(running, s -> !s.refused().isEmpty());
      assertThat(afterSecond.refused())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.from()).isEqualTo("dave");
                assertThat(r.approve()).isFalse();
                assertThat(r.reason()).isEqualTo("already APPROVED by dave");
              });
      assertThat(afterSecond)
          .usingRecursiveComparison()
          .ignoringFields("refused")
          .isEqualTo(approved);
      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.RUNNING);

      notifications.gate.countDown();
      ApprovalState done = handle.getResult(WAIT);
      assertThat(done.stage()).isEqualTo(ApprovalStage.APPROVED);
      assertThat(done.decision().comment()).isEqualTo("fine");
      assertThat(done.refused()).hasSize(1);

      assertThatThrownBy(() -> running.reject("dave", "no, really"))
          .isInstanceOf(WorkflowNotRunningException.class);
      assertThat(running.state()).isEqualTo(done);
      assertThat(notifications.outbox.sent().get(1).text()).contains("APPROVED by dave: fine");
      RecordedHistories.record(ApprovalReplayTest.DECIDED_TWICE, handle);
    }
  }

  @Test
  void aDecisionFromSomeoneWhoIsNotTheCurrentApproverIsRefusedAndChangesNothing() {
    NotificationOutbox outbox = new NotificationOutbox();
    try (ApprovalTestEnvironment t = new ApprovalTestEnvironment(false, outbox)) {
      WorkflowHandle<ApprovalState> handle = t.start(TRIP);
      ApprovalWorkflow running = t.running(TRIP);
      ApprovalState before = awaitNotified(running, outbox, ApprovalStage.WAITING_FOR_APPROVER, 1);

      running.approve("mallory", "looks fine to me");
      running.reject("erin", "not yet my turn, but no");

      ApprovalState after = awaitState(running, s -> s.refused().size() == 2);
      assertThat(after).usingRecursiveComparison().ignoringFields("refused").isEqualTo(before);
      assertThat(after.refused())
          .extracting(RefusedDecision::from, RefusedDecision::approve, RefusedDecision::reason)
          .containsExactly(
              tuple("mallory", true, "not the current approver (dave)"),
              tuple("erin", false, "not the current approver (dave)"));
      assertThat(sent(outbox)).containsExactly("approval-request to dave");

      running.approve("dave", "ok");

      ApprovalState done = handle.getResult(WAIT);
      assertThat(done.stage()).isEqualTo(ApprovalStage.APPROVED);
      assertThat(done.decision().approver()).isEqualTo("dave");
      assertThat(done.refused()).hasSize(2);
    }
  }

  /** Waits until the approval is at {@code stage} and sent {@code count} notifications. */
  private static ApprovalState awaitNotified(
      ApprovalWorkflow running, NotificationOutbox outbox, ApprovalStage stage, int count) {
    return awaitState(
        running,
        s ->
            s.stage() == stage
                && s.askedAt() != null
                && outbox.sentBy(TRIP.workflowId()).size() >= count);
  }

  private static ApprovalState awaitState(
      ApprovalWorkflow running, Predicate<ApprovalState> until) {
    return Awaitility.await().atMost(WAIT).until(running::state, until::test);
  }

  /** Returns the notifications sent, as {@code "<kind> to <recipient>"}. */
  private static List<String> sent(NotificationOutbox outbox) {
    return outbox.sentBy(TRIP.workflowId()).stream().map(n -> n.kind() + " to " + n.to()).toList();
  }
}
