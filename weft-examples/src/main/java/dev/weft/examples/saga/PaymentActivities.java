package dev.weft.examples.saga;

import dev.weft.activity.ActivityInterface;

/** The payment service, as activities. Both methods are idempotent per order. */
@ActivityInterface
public interface PaymentActivities {

  /**
   * Charges the order's amount.
   *
   * @return the payment ID (the same on every retry)
   */
  String chargePayment(Order order);

  /** Refunds the order's payment: the compensation of {@link #chargePayment}. */
  void refundPayment(Order order);
}
