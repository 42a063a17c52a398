/**
 * Runnable examples of Weft, one package per scenario, built on the public API only.
 *
 * <ul>
 *   <li>{@link dev.weft.examples.saga}: an order saga (reserve inventory, charge payment, ship)
 *       that compensates in reverse order when shipping fails or the order is cancelled.
 *   <li>{@link dev.weft.examples.subscription}: a subscription that sends a welcome email, waits
 *       seven days, and sends a follow-up unless the customer unsubscribed.
 * </ul>
 *
 * <p>{@link dev.weft.examples.Demo} runs both end to end on an embedded SQLite store; {@code weft
 * demo} is its command-line entry point.
 */
package dev.weft.examples;
