package dev.weft.examples.saga;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * The {@link OrderWorkflow}: each forward step is an activity retried a few times; each
 * compensation is an activity retried until it succeeds, since an order must never stay half done.
 * Compensations are added only once their step succeeded, and run in reverse order.
 */
public final class OrderSaga implements OrderWorkflow {
  private static final ActivityOptions FORWARD =
      ActivityOptions.newBuilder()
          .startToCloseTimeout(Duration.ofSeconds(30))
          .retryPolicy(
              RetryPolicy.newBuilder()
                  .initialInterval(Duration.ofSeconds(1))
                  .maximumAttempts(3)
                  .build())
          .build();
  private static final ActivityOptions COMPENSATION =
      ActivityOptions.newBuilder()
          .startToCloseTimeout(Duration.ofSeconds(30))
          .retryPolicy(
              RetryPolicy.newBuilder()
                  .initialInterval(Duration.ofMillis(500))
                  .maximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  private final InventoryActivities inventory =
      Workflow.newActivityStub(InventoryActivities.class, FORWARD);
  private final PaymentActivities payments =
      Workflow.newActivityStub(PaymentActivities.class, FORWARD);
  private final ShippingActivities shipping =
      Workflow.newActivityStub(ShippingActivities.class, FORWARD);
  private final InventoryActivities inventoryUndo =
      Workflow.newActivityStub(InventoryActivities.class, COMPENSATION);
  private final PaymentActivities paymentsUndo =
      Workflow.newActivityStub(PaymentActivities.class, COMPENSATION);

  private OrderStep step = OrderStep.RESERVING_INVENTORY;

  @Override
  public OrderReceipt process(Order order) {
    Compensations compensations = new Compensations();
    try {
      step = OrderStep.RESERVING_INVENTORY;
      String reservationId = inventory.reserveInventory(order);
      compensations.add(
          () -> {
            step = OrderStep.RELEASING_INVENTORY;
            inventoryUndo.releaseInventory(order);
          });
      step = OrderStep.CHARGING_PAYMENT;
      String paymentId = payments.chargePayment(order);
      compensations.add(
          () -> {
            step = OrderStep.REFUNDING_PAYMENT;
            paymentsUndo.refundPayment(order);
          });
      step = OrderStep.SHIPPING;
      String trackingNumber = shipping.ship(order);
      step = OrderStep.COMPLETED;
      return new OrderReceipt(order.orderId(), reservationId, paymentId, trackingNumber);
    } catch (ActivityFailure | CanceledFailure e) {
      compensations.run();
      step = OrderStep.COMPENSATED;
      throw e;
    }
  }

  @Override
  public OrderStep currentStep() {
    return step;
  }
}
