package dev.weft.examples.saga;

import dev.weft.activity.ActivityInterface;

/** The inventory service, as activities. Both methods are idempotent per order. */
@ActivityInterface
public interface InventoryActivities {

  /**
   * Reserves the order's items.
   *
   * @return the reservation ID (the same on every retry)
   */
  String reserveInventory(Order order);

  /** Releases the order's reservation: the compensation of {@link #reserveInventory}. */
  void releaseInventory(Order order);
}
