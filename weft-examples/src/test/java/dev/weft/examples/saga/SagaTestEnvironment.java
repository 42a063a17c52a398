package dev.weft.examples.saga;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.history.EventAttributes;
import dev.weft.testing.WeftTestEnvironment;
import java.util.List;

/** A time-skipping test engine serving the order saga with the given activities. */
final class SagaTestEnvironment implements AutoCloseable {
  private final WeftTestEnvironment env;

  SagaTestEnvironment(Object... activities) {
    env = WeftTestEnvironment.create();
    var worker =
        env.newWorker(OrderWorkflow.TASK_QUEUE)
            .registerWorkflow(OrderWorkflow.class, OrderSaga::new);
    for (Object implementation : activities) {
      worker.registerActivities(implementation);
    }
    env.start();
  }

  WorkflowHandle<OrderReceipt> start(Order order) {
    OrderWorkflow stub =
        env.client()
            .newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder()
                    .workflowId(order.workflowId())
                    .taskQueue(OrderWorkflow.TASK_QUEUE)
                    .build());
    return env.client().start(stub::process, order);
  }

  /** Returns the activity types the run scheduled, in order. */
  static List<String> scheduledActivities(WorkflowHandle<?> handle) {
    return handle.fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(a -> a instanceof EventAttributes.ActivityScheduled)
        .map(a -> ((EventAttributes.ActivityScheduled) a).activityType())
        .toList();
  }

  @Override
  public void close() {
    env.close();
  }
}
