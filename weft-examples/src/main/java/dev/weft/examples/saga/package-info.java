/**
 * Scenario: a saga across services. {@link dev.weft.examples.saga.OrderSaga} reserves inventory,
 * charges the payment and ships the order; when a step fails or the order is cancelled, it runs the
 * compensations of the steps that succeeded, in reverse order, in a detached cancellation scope,
 * each as an activity retried until it succeeds.
 *
 * <p>The activities record their side effects in an {@link dev.weft.examples.saga.OrderLedger},
 * keyed by order ID and operation, so that a retried activity (delivery is at-least-once) has its
 * effect exactly once.
 */
package dev.weft.examples.saga;
