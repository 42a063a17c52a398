package dev.weft.examples.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.testing.RecordedHistories;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The subscription: a seven-day wait in skipped time, a query during it, an unsubscribe. */
class SubscriptionTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Subscription ADA = Subscription.of("ada@example.com");

  @Test
  void sendsTheFollowUpSevenDaysAfterTheWelcomeInSkippedTime() {
    try (SubscriptionTestEnvironment t = new SubscriptionTestEnvironment(true)) {
      Instant engineStart = t.env.currentTime();
      long wallStart = System.nanoTime();

      WorkflowHandle<SubscriptionState> handle = t.start(ADA);
      SubscriptionState done = handle.getResult(WAIT);

      Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
      System.out.println("7-day subscription took " + wall.toMillis() + " ms of wall time");
      assertThat(done.status()).isEqualTo(SubscriptionStatus.COMPLETED);
      assertThat(Duration.between(done.subscribedAt(), done.endedAt()))
          .isGreaterThanOrEqualTo(Duration.ofDays(7));
      assertThat(t.env.currentTime()).isAfterOrEqualTo(engineStart.plus(Duration.ofDays(7)));
      assertThat(t.outbox.sentBy(ADA.workflowId()))
          .extracting(SentEmail::kind)
          .containsExactly("welcome", "follow-up");
      SentEmail welcome = t.outbox.sentBy(ADA.workflowId()).get(0);
      SentEmail followUp = t.outbox.sentBy(ADA.workflowId()).get(1);
      assertThat(followUp.sentAt()).isAfterOrEqualTo(welcome.sentAt().plus(Duration.ofDays(7)));
      assertThat(wall).isLessThan(Duration.ofSeconds(10));
      RecordedHistories.record(SubscriptionReplayTest.COMPLETED, handle);
    }
  }

  @Test
  void reportsItsStateWhileWaitingForTheFollowUp() {
    try (SubscriptionTestEnvironment t = new SubscriptionTestEnvironment(false)) {
      WorkflowHandle<SubscriptionState> handle = t.start(ADA);
      SubscriptionWorkflow running = t.running(ADA);
      SubscriptionState waiting = awaitStatus(running, SubscriptionStatus.WAITING_FOR_FOLLOW_UP);

      assertThat(waiting.email()).isEqualTo("ada@example.com");
      Instant sevenDaysLater = waiting.subscribedAt().plus(ADA.followUpDelay());
      assertThat(waiting.followUpDueAt())
          .isBetween(sevenDaysLater, sevenDaysLater.plus(Duration.ofMinutes(1)));
      assertThat(waiting.endedAt()).isNull();
      t.env.sleep(Duration.ofDays(3));
      assertThat(running.state().status()).isEqualTo(SubscriptionStatus.WAITING_FOR_FOLLOW_UP);
      assertThat(t.outbox.sentBy(ADA.workflowId()))
          .extracting(SentEmail::kind)
          .containsExactly("welcome");

      t.env.sleep(Duration.ofDays(4));

      assertThat(handle.getResult(WAIT).status()).isEqualTo(SubscriptionStatus.COMPLETED);
      assertThat(running.state().status()).isEqualTo(SubscriptionStatus.COMPLETED);
    }
  }

  @Test
  void unsubscribingDuringTheWaitEndsItWithoutTheFollowUp() {
    try (SubscriptionTestEnvironment t = new SubscriptionTestEnvironment(false)) {
      WorkflowHandle<SubscriptionState> handle = t.start(ADA);
      SubscriptionWorkflow running = t.running(ADA);
      awaitStatus(running, SubscriptionStatus.WAITING_FOR_FOLLOW_UP);

      running.unsubscribe("too many emails");

      SubscriptionState state = handle.getResult(WAIT);
      assertThat(state.status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
      assertThat(state.unsubscribeReason()).isEqualTo("too many emails");
      assertThat(Duration.between(state.subscribedAt(), state.endedAt()))
          .isLessThan(Duration.ofDays(7));
      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(handle.describe().pendingTimers()).isEmpty();
      assertThat(t.outbox.sentBy(ADA.workflowId()))
          .extracting(SentEmail::kind)
          .containsExactly("welcome");
      RecordedHistories.record(SubscriptionReplayTest.UNSUBSCRIBED, handle);
    }
  }

  private static SubscriptionState awaitStatus(
      SubscriptionWorkflow running, SubscriptionStatus status) {
    return Awaitility.await().atMost(WAIT).until(running::state, s -> s.status() == status);
  }
}
