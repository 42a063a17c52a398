package dev.weft.examples.saga;

import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * Processes one order as a saga: reserve inventory, charge payment, ship; if a step fails or the
 * run is cancelled, undo the completed steps in reverse order.
 *
 * <pre>{@code
 * OrderWorkflow stub = client.newWorkflowStub(OrderWorkflow.class,
 *     WorkflowOptions.newBuilder().workflowId(order.workflowId()).taskQueue(OrderWorkflow.TASK_QUEUE).build());
 * WorkflowHandle<OrderReceipt> handle = client.start(stub::process, order);
 * }</pre>
 */
@WorkflowInterface
public interface OrderWorkflow {

  /** The task queue the example's workers serve. */
  String TASK_QUEUE = "orders";

  /**
   * Processes the order.
   *
   * @return the receipt of an order that shipped
   * @throws dev.weft.failure.ActivityFailure the failure of the step that failed (the run ends
   *     {@code FAILED}, or {@code CANCELED} after a cancel), once the compensations ran
   */
  @WorkflowMethod
  OrderReceipt process(Order order);

  /** Returns the step the saga is at (or ended with). */
  @QueryMethod
  OrderStep currentStep();
}
