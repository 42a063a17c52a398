package dev.weft.examples.saga;

import java.util.List;

/**
 * Where the saga's services record what they did, so that their side effects are observable and
 * idempotent: recording an operation that is recorded already (a retried activity) changes nothing.
 * Implementations are thread-safe.
 */
public interface OrderLedger {

  /**
   * Records an entry unless one with the same key (order ID, operation) exists.
   *
   * @return whether the entry was new
   */
  boolean record(LedgerEntry entry);

  /** Returns every entry, in the order they were recorded. */
  List<LedgerEntry> entries();

  /** Returns the entries of one order, in the order they were recorded. */
  default List<LedgerEntry> entries(String orderId) {
    return entries().stream().filter(e -> e.orderId().equals(orderId)).toList();
  }

  /** Returns the operations done on one order, in the order they were recorded. */
  default List<OrderOperation> operations(String orderId) {
    return entries(orderId).stream().map(LedgerEntry::operation).toList();
  }
}
