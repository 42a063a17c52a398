package dev.weft.examples.subscription;

import dev.weft.activity.ActivityInterface;

/** Sends the subscription's emails. Both methods are idempotent per workflow. */
@ActivityInterface
public interface EmailActivities {

  /** Sends the welcome email to {@code email}. */
  void sendWelcome(String email);

  /** Sends the follow-up email to {@code email}. */
  void sendFollowUp(String email);
}
