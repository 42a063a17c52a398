package dev.weft.examples.subscription;

import java.time.Instant;

/**
 * A subscription's state, as its query and its result report it. Times are workflow time.
 *
 * @param email the customer's email address
 * @param status where the subscription is
 * @param subscribedAt when the run started
 * @param followUpDueAt when the follow-up is due, or {@code null} before the welcome was sent
 * @param endedAt when it completed or was unsubscribed, or {@code null} while it runs
 * @param unsubscribeReason why the customer unsubscribed, or {@code null}
 */
public record SubscriptionState(
    String email,
    SubscriptionStatus status,
    Instant subscribedAt,
    Instant followUpDueAt,
    Instant endedAt,
    String unsubscribeReason) {}
