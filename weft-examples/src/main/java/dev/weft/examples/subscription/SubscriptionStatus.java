package dev.weft.examples.subscription;

/** Where a {@link SubscriptionWorkflow} is. */
public enum SubscriptionStatus {
  /** Sending the welcome email. */
  SENDING_WELCOME,
  /** Welcome sent; waiting until the follow-up is due. */
  WAITING_FOR_FOLLOW_UP,
  /** Sending the follow-up email. */
  SENDING_FOLLOW_UP,
  /** Done: both emails were sent. */
  COMPLETED,
  /** Done: the customer unsubscribed before the follow-up. */
  UNSUBSCRIBED
}
