package dev.weft.examples.subscription;

import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@link SubscriptionWorkflow}. The wait is a durable timer ({@link Workflow#await(Duration,
 * java.util.function.BooleanSupplier)}) that an unsubscribe signal cuts short.
 */
public final class EmailSubscription implements SubscriptionWorkflow {
  private final EmailActivities emails =
      Workflow.newActivityStub(
          EmailActivities.class,
          ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());

  private String email;
  private SubscriptionStatus status = SubscriptionStatus.SENDING_WELCOME;
  private Instant subscribedAt;
  private Instant followUpDueAt;
  private Instant endedAt;
  private boolean unsubscribed;
  private String unsubscribeReason;

  @Override
  public SubscriptionState subscribe(Subscription subscription) {
    email = subscription.email();
    subscribedAt = Workflow.now();
    emails.sendWelcome(email);
    followUpDueAt = Workflow.now().plus(subscription.followUpDelay());
    status = SubscriptionStatus.WAITING_FOR_FOLLOW_UP;
    Workflow.await(subscription.followUpDelay(), () -> unsubscribed);
    if (unsubscribed) {
      return end(SubscriptionStatus.UNSUBSCRIBED);
    }
    status = SubscriptionStatus.SENDING_FOLLOW_UP;
    emails.sendFollowUp(email);
    return end(SubscriptionStatus.COMPLETED);
  }

  private SubscriptionState end(SubscriptionStatus finalStatus) {
    status = finalStatus;
    endedAt = Workflow.now();
    return state();
  }

  @Override
  public void unsubscribe(String reason) {
    if (status == SubscriptionStatus.WAITING_FOR_FOLLOW_UP
        || status == SubscriptionStatus.SENDING_WELCOME) {
      unsubscribed = true;
      unsubscribeReason = reason;
    }
  }

  @Override
  public SubscriptionState state() {
    return new SubscriptionState(
        email, status, subscribedAt, followUpDueAt, endedAt, unsubscribeReason);
  }
}
