package dev.weft.examples.saga;

import dev.weft.failure.ApplicationFailure;
import java.util.Set;

/**
 * {@link ShippingActivities} that record shipments in an {@link OrderLedger}, and refuse orders to
 * destinations that no carrier serves.
 */
public final class LedgerShipping implements ShippingActivities {
  private final OrderLedger ledger;
  private final Set<String> unservedDestinations;

  /**
   * Creates the activities.
   *
   * @param ledger where shipments are recorded
   * @param unservedDestinations destinations that no carrier serves: shipping there fails
   */
  public LedgerShipping(OrderLedger ledger, Set<String> unservedDestinations) {
    this.ledger = ledger;
    this.unservedDestinations = Set.copyOf(unservedDestinations);
  }

  @Override
  public String ship(Order order) {
    if (unservedDestinations.contains(order.destination())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "no carrier serves " + order.destination(), SHIPPING_UNAVAILABLE);
    }
    String trackingNumber = "trk-" + order.orderId();
    ledger.record(
        new LedgerEntry(
            order.orderId(),
            OrderOperation.SHIP,
            "to " + order.destination() + " as " + trackingNumber));
    return trackingNumber;
  }
}
