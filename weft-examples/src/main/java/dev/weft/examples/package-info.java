/**
 * Runnable examples of Weft, one package per scenario, built on the public API only.
 *
 * <ul>
 *   <li>{@link dev.weft.examples.saga}: an order saga (reserve inventory, charge payment, ship)
 *       that compensates in reverse order when shipping fails or the order is cancelled.
 *   <li>{@link dev.weft.examples.subscription}: a subscription that sends a welcome email, waits
 *       seven days, and sends a follow-up unless the customer unsubscribed.
 *   <li>{@link dev.weft.examples.approval}: an expense approval that waits up to three days for an
 *       approver's signal, escalates to a second approver for two more days, then expires; a query
 *       reports its stage at any time.
 *   <li>{@link dev.weft.examples.catchup}: a catch-up over a range of 100,000 blocks, one batch per
 *       run chained by continue-as-new, into an idempotent store; it survives restarts.
 *   <li>{@link dev.weft.examples.greeting}: a greeting whose activity runs in a remote worker
 *       (Python or Node, over the HTTP API).
 *   <li>{@link dev.weft.examples.triggers}: a daily schedule, a sensor of the fake chain's height
 *       and a webhook that approves a waiting approval, each firing exactly once.
 * </ul>
 *
 * <p>{@link dev.weft.examples.Demo} runs them all end to end on an embedded SQLite store; {@code
 * weft demo} is its command-line entry point.
 */
package dev.weft.examples;
