package dev.weft.examples.saga;

import java.util.Objects;

/**
 * An order to process: what to reserve, how much to charge, where to ship.
 *
 * @param orderId the order ID, the key of every operation on the order
 * @param sku the stock-keeping unit of the ordered item
 * @param quantity how many items, at least 1
 * @param amountCents the price in cents, not negative
 * @param destination where to ship the order
 */
public record Order(
    String orderId, String sku, int quantity, long amountCents, String destination) {

  /** Validates the order; each error names the field and the value. */
  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(destination, "destination");
    if (orderId.isBlank()) {
      throw new IllegalArgumentException("Order.orderId must not be blank");
    }
    if (quantity < 1) {
      throw new IllegalArgumentException("Order.quantity must be >= 1, was " + quantity);
    }
    if (amountCents < 0) {
      throw new IllegalArgumentException("Order.amountCents must be >= 0, was " + amountCents);
    }
  }

  /** Returns the workflow ID that processes this order: {@code order-<orderId>}. */
  public String workflowId() {
    return "order-" + orderId;
  }

  /** Returns the price as text, for example {@code 24.00}. */
  public String formattedAmount() {
    return String.format("%d.%02d", amountCents / 100, amountCents % 100);
  }

  /** Returns the items as text, for example {@code 2 x WEFT-MUG}. */
  public String items() {
    return quantity + " x " + sku;
  }
}
