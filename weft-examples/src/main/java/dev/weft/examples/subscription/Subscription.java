package dev.weft.examples.subscription;

import java.time.Duration;
import java.util.Objects;

/**
 * A new subscription: who subscribed, and how long after the welcome email the follow-up goes out.
 *
 * @param email the customer's email address
 * @param followUpDelay the wait between the welcome and the follow-up; {@code null} for {@link
 *     #DEFAULT_FOLLOW_UP_DELAY}
 */
public record Subscription(String email, Duration followUpDelay) {

  /** The default wait before the follow-up: seven days. */
  public static final Duration DEFAULT_FOLLOW_UP_DELAY = Duration.ofDays(7);

  /** Validates the subscription and applies the default delay. */
  public Subscription {
    Objects.requireNonNull(email, "email");
    if (!email.contains("@")) {
      throw new IllegalArgumentException("Subscription.email is not an address: " + email);
    }
    if (followUpDelay == null) {
      followUpDelay = DEFAULT_FOLLOW_UP_DELAY;
    }
    if (followUpDelay.isNegative()) {
      throw new IllegalArgumentException(
          "Subscription.followUpDelay must not be negative, was " + followUpDelay);
    }
  }

  /** Returns a subscription with the default seven-day follow-up delay. */
  public static Subscription of(String email) {
    return new Subscription(email, DEFAULT_FOLLOW_UP_DELAY);
  }

  /** Returns the workflow ID of this subscription: {@code subscription-<email>}. */
  public String workflowId() {
    return "subscription-" + email;
  }
}
