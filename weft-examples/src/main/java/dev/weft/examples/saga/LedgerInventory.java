package dev.weft.examples.saga;

/** {@link InventoryActivities} that record reservations in an {@link OrderLedger}. */
public final class LedgerInventory implements InventoryActivities {
  private final OrderLedger ledger;

  /** Creates the activities over {@code ledger}. */
  public LedgerInventory(OrderLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String reserveInventory(Order order) {
    String reservationId = "res-" + order.orderId();
    ledger.record(
        new LedgerEntry(
            order.orderId(), OrderOperation.RESERVE, order.items() + " as " + reservationId));
    return reservationId;
  }

  @Override
  public void releaseInventory(Order order) {
    ledger.record(
        new LedgerEntry(
            order.orderId(), OrderOperation.RELEASE, order.items() + " of res-" + order.orderId()));
  }
}
