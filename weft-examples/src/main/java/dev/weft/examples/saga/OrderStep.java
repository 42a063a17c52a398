package dev.weft.examples.saga;

/** Where an {@link OrderWorkflow} is, as its {@link OrderWorkflow#currentStep()} query reports. */
public enum OrderStep {
  /** Reserving the items in the inventory. */
  RESERVING_INVENTORY,
  /** Charging the payment. */
  CHARGING_PAYMENT,
  /** Shipping the order. */
  SHIPPING,
  /** Compensating: refunding the payment. */
  REFUNDING_PAYMENT,
  /** Compensating: releasing the inventory reservation. */
  RELEASING_INVENTORY,
  /** Done: the order shipped. */
  COMPLETED,
  /** Done: the order did not go through and every completed step was compensated. */
  COMPENSATED
}
