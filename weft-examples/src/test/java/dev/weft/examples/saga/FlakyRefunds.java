package dev.weft.examples.saga;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Payments whose refund does its side effect and then reports a failure, the first {@code failures}
 * times: the worst case for idempotency (the effect happened, the engine retries).
 */
final class FlakyRefunds implements PaymentActivities {
  final AtomicInteger refundAttempts = new AtomicInteger();
  private final PaymentActivities delegate;
  private final int failures;

  FlakyRefunds(PaymentActivities delegate, int failures) {
    this.delegate = delegate;
    this.failures = failures;
  }

  @Override
  public String chargePayment(Order order) {
    return delegate.chargePayment(order);
  }

  @Override
  public void refundPayment(Order order) {
    delegate.refundPayment(order);
    if (refundAttempts.incrementAndGet() <= failures) {
      throw new IllegalStateException("payment service timed out after refunding");
    }
  }
}
