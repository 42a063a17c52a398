package dev.weft.examples.saga;

import java.util.Objects;

/**
 * One operation recorded in an {@link OrderLedger}. The pair (order ID, operation) is its key: a
 * ledger holds at most one entry per key.
 *
 * @param orderId the order
 * @param operation what was done
 * @param detail a human-readable detail (an ID, an amount); no tabs or line breaks
 */
public record LedgerEntry(String orderId, OrderOperation operation, String detail) {

  /** Validates the entry. */
  public LedgerEntry {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(detail, "detail");
    if (orderId.contains("\t") || detail.contains("\t") || (orderId + detail).contains("\n")) {
      throw new IllegalArgumentException(
          "ledger entries hold no tabs or line breaks: " + orderId + " " + detail);
    }
  }

  /** Returns whether this entry has the same key as {@code other}. */
  public boolean sameKey(LedgerEntry other) {
    return orderId.equals(other.orderId) && operation == other.operation;
  }
}
