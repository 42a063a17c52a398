package dev.weft.cli;

import dev.weft.engine.WeftEngine;
import dev.weft.examples.approval.ApprovalDemo;
import dev.weft.examples.approval.ApprovalWorkflow;
import dev.weft.examples.catchup.CatchUpDemo;
import dev.weft.examples.catchup.CatchUpWorkflow;
import dev.weft.examples.saga.OrderSagaDemo;
import dev.weft.examples.saga.OrderWorkflow;
import dev.weft.examples.subscription.SubscriptionDemo;
import dev.weft.examples.subscription.SubscriptionWorkflow;
import java.time.Duration;
import java.util.List;

/**
 * The examples' workflows and activities, registered on an engine as {@code weft demo} registers
 * them: the order saga, the subscription, the approval and the catch-up.
 */
final class ExampleWorkers {
  /** The task queues the examples use. */
  static final List<String> TASK_QUEUES =
      List.of(
          OrderWorkflow.TASK_QUEUE,
          SubscriptionWorkflow.TASK_QUEUE,
          ApprovalWorkflow.TASK_QUEUE,
          CatchUpWorkflow.TASK_QUEUE);

  private ExampleWorkers() {}

  /** Registers every example's workers on {@code engine} (before it starts). */
  static void register(WeftEngine engine) {
    // the demo parameters only shape the runs the demo itself starts; a server starts none
    new OrderSagaDemo().register(engine);
    new SubscriptionDemo(Duration.ofSeconds(1)).register(engine);
    new ApprovalDemo(Duration.ofSeconds(1)).register(engine);
    new CatchUpDemo(10_000, 1_000).register(engine);
  }
}
