package dev.weft.examples.saga;

/** An operation of the saga's services on an order, as recorded in an {@link OrderLedger}. */
public enum OrderOperation {
  /** Items reserved. */
  RESERVE,
  /** Payment charged. */
  CHARGE,
  /** Order shipped. */
  SHIP,
  /** Payment refunded (compensates {@link #CHARGE}). */
  REFUND,
  /** Reservation released (compensates {@link #RESERVE}). */
  RELEASE
}
