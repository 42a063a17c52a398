package dev.weft.examples.saga;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowFailedException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The order saga part of the demo: one order that ships, and one to a destination no carrier
 * serves, which is compensated. Prints the ledger of each.
 */
public final class OrderSagaDemo {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String UNSERVED = "Atlantis";

  private final OrderLedger ledger = new InMemoryOrderLedger();

  /** Registers the workflow and its activities on the engine (before it starts). */
  public void register(WeftEngine engine) {
    engine
        .newWorker(OrderWorkflow.TASK_QUEUE)
        .registerWorkflow(OrderWorkflow.class, OrderSaga::new)
        .registerActivities(new LedgerInventory(ledger))
        .registerActivities(new LedgerPayments(ledger))
        .registerActivities(new LedgerShipping(ledger, Set.of(UNSERVED)));
  }

  /**
   * Runs both orders to the end and prints what happened.
   *
   * @throws java.util.concurrent.CompletionException if an order does not finish in 30 s
   */
  public void run(WeftClient client, PrintStream out) {
    out.println("Order saga: reserve inventory -> charge payment -> ship,");
    out.println("            compensating in reverse order when a step fails");
    List.of(
            new Order("1001", "WEFT-MUG", 2, 2400, "Lisbon"),
            new Order("1002", "WEFT-MUG", 1, 1200, UNSERVED))
        .forEach(order -> process(client, order, out));
  }

  private void process(WeftClient client, Order order, PrintStream out) {
    OrderWorkflow stub =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .workflowId(order.workflowId())
                .taskQueue(OrderWorkflow.TASK_QUEUE)
                .build());
    WorkflowHandle<OrderReceipt> handle = client.start(stub::process, order);
    out.printf(
        "  workflow %s: %s for %s, ship to %s%n",
        handle.workflowId(), order.items(), order.formattedAmount(), order.destination());
    String outcome;
    try {
      outcome = "tracking number " + handle.getResult(TIMEOUT).trackingNumber();
    } catch (WorkflowFailedException e) {
      outcome = rootCause(e).getMessage();
    }
    for (LedgerEntry entry : ledger.entries(order.orderId())) {
      out.printf("    %-8s %s%n", entry.operation(), entry.detail());
    }
    out.printf(
        "    -> run %s (%s), saga step %s%n",
        handle.describe().status(), outcome, handle.query("currentStep", OrderStep.class));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
