package dev.weft.examples.saga;

/** {@link PaymentActivities} that record charges and refunds in an {@link OrderLedger}. */
public final class LedgerPayments implements PaymentActivities {
  private final OrderLedger ledger;

  /** Creates the activities over {@code ledger}. */
  public LedgerPayments(OrderLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String chargePayment(Order order) {
    String paymentId = "pay-" + order.orderId();
    ledger.record(
        new LedgerEntry(
            order.orderId(), OrderOperation.CHARGE, order.formattedAmount() + " as " + paymentId));
    return paymentId;
  }

  @Override
  public void refundPayment(Order order) {
    ledger.record(
        new LedgerEntry(
            order.orderId(),
            OrderOperation.REFUND,
            order.formattedAmount() + " of pay-" + order.orderId()));
  }
}
