/**
 * Scenario: a long-running process. {@link dev.weft.examples.subscription.EmailSubscription} sends
 * a welcome email, waits durably (seven days by default) and sends a follow-up, unless the customer
 * unsubscribes first. A query reports its state at any time.
 */
package dev.weft.examples.subscription;
