package dev.weft.examples.saga;

import dev.weft.activity.ActivityInterface;

/** The shipping service, as an activity. Idempotent per order. */
@ActivityInterface
public interface ShippingActivities {

  /** The failure type of an order whose destination no carrier serves; never retried. */
  String SHIPPING_UNAVAILABLE = "ShippingUnavailable";

  /**
   * Ships the order.
   *
   * @return the tracking number (the same on every retry)
   * @throws dev.weft.failure.ApplicationFailure of type {@link #SHIPPING_UNAVAILABLE},
   *     non-retryable, if no carrier serves the destination
   */
  String ship(Order order);
}
