package dev.weft.examples.saga;

import static dev.weft.examples.saga.OrderOperation.CHARGE;
import static dev.weft.examples.saga.OrderOperation.REFUND;
import static dev.weft.examples.saga.OrderOperation.RELEASE;
import static dev.weft.examples.saga.OrderOperation.RESERVE;
import static dev.weft.examples.saga.OrderOperation.SHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.testing.RecordedHistories;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order saga: the happy path, compensation after a failure, and after a cancel. */
class OrderSagaTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Order SHIPPABLE = new Order("1001", "WEFT-MUG", 2, 2400, "Lisbon");
  static final Order UNSHIPPABLE = new Order("1002", "WEFT-MUG", 1, 1200, "Atlantis");

  private final InMemoryOrderLedger ledger = new InMemoryOrderLedger();

  private SagaTestEnvironment environment(PaymentActivities payments, ShippingActivities shipping) {
    return new SagaTestEnvironment(new LedgerInventory(ledger), payments, shipping);
  }

  private SagaTestEnvironment environment() {
    return environment(
        new LedgerPayments(ledger), new LedgerShipping(ledger, Set.of(UNSHIPPABLE.destination())));
  }

  @Test
  void shipsAnOrderWhenEveryStepSucceeds() {
    try (SagaTestEnvironment env = environment()) {
      WorkflowHandle<OrderReceipt> handle = env.start(SHIPPABLE);

      assertThat(handle.getResult(WAIT))
          .isEqualTo(new OrderReceipt("1001", "res-1001", "pay-1001", "trk-1001"));
      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(handle.query("currentStep", OrderStep.class)).isEqualTo(OrderStep.COMPLETED);
      assertThat(ledger.operations("1001")).containsExactly(RESERVE, CHARGE, SHIP);
      RecordedHistories.record(OrderSagaReplayTest.SHIPPED, handle);
    }
  }

  @Test
  void compensatesInReverseOrderExactlyOnceWhenShippingFails() {
    try (SagaTestEnvironment env = environment()) {
      WorkflowHandle<OrderReceipt> handle = env.start(UNSHIPPABLE);

      assertThatThrownBy(() -> handle.getResult(WAIT))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(WorkflowStatus.FAILED);
                assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
                assertThat(e.getCause().getCause())
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        f -> {
                          assertThat(f.getType())
                              .isEqualTo(ShippingActivities.SHIPPING_UNAVAILABLE);
                          assertThat(f.getMessage()).contains("no carrier serves Atlantis");
                        });
              });
      assertThat(ledger.operations("1002")).containsExactly(RESERVE, CHARGE, REFUND, RELEASE);
      assertThat(SagaTestEnvironment.scheduledActivities(handle))
          .containsExactly(
              "ReserveInventory", "ChargePayment", "Ship", "RefundPayment", "ReleaseInventory");
      assertThat(handle.query("currentStep", OrderStep.class)).isEqualTo(OrderStep.COMPENSATED);
      RecordedHistories.record(OrderSagaReplayTest.COMPENSATED, handle);
    }
  }

  @Test
  void retriesACompensationUntilItSucceedsWithItsEffectRecordedOnce() {
    FlakyRefunds payments = new FlakyRefunds(new LedgerPayments(ledger), 2);
    try (SagaTestEnvironment env =
        environment(payments, new LedgerShipping(ledger, Set.of(UNSHIPPABLE.destination())))) {
      WorkflowHandle<OrderReceipt> handle = env.start(UNSHIPPABLE);

      assertThatThrownBy(() -> handle.getResult(WAIT)).isInstanceOf(WorkflowFailedException.class);
      assertThat(payments.refundAttempts).hasValue(3);
      assertThat(ledger.operations("1002")).containsExactly(RESERVE, CHARGE, REFUND, RELEASE);
      assertThat(handle.fetchHistory().events())
          .anyMatch(
              e ->
                  e.attributes() instanceof EventAttributes.ActivityCompleted c
                      && c.attempt() == 3);
    }
  }

  @Test
  void compensatesWhenCancelledMidSaga() throws InterruptedException {
    GatedShipping shipping = new GatedShipping();
    try (SagaTestEnvironment env = environment(new LedgerPayments(ledger), shipping)) {
      WorkflowHandle<OrderReceipt> handle = env.start(SHIPPABLE);
      assertThat(shipping.started.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(handle.query("currentStep", OrderStep.class)).isEqualTo(OrderStep.SHIPPING);

      handle.cancel("customer changed their mind");

      assertThatThrownBy(() -> handle.getResult(WAIT))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> assertThat(e.getStatus()).isEqualTo(WorkflowStatus.CANCELED));
      assertThat(ledger.operations("1001")).containsExactly(RESERVE, CHARGE, REFUND, RELEASE);
      assertThat(handle.query("currentStep", OrderStep.class)).isEqualTo(OrderStep.COMPENSATED);
      assertThat(shipping.sawCancel.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
