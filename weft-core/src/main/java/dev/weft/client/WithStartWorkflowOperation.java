package dev.weft.client;

import dev.weft.workflow.Functions;
import java.util.Objects;

/**
 * The start half of update-with-start ({@link WeftClient#executeUpdateWithStart}): a call of the
 * workflow method of a stub made with {@link WorkflowOptions}, recorded, not made. After the
 * update-with-start call returned (or threw an update's failure), {@link #getHandle()} is the run
 * it started or joined. One operation serves one update-with-start call. Thread-safe.
 *
 * <pre>{@code
 * Cart cart = client.newWorkflowStub(Cart.class, WorkflowOptions.newBuilder()
 *     .taskQueue("carts").workflowId("cart-" + sessionId)
 *     .idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING).build());
 * WithStartWorkflowOperation<Receipt> start = new WithStartWorkflowOperation<>(cart::checkout);
 * int total = client.executeUpdateWithStart(() -> cart.add("mug"), start);
 * Receipt receipt = start.getHandle().getResult();
 * }</pre>
 *
 * @param <R> the workflow's result type
 */
public final class WithStartWorkflowOperation<R> {
  private final Functions.Proc call;
  private volatile WorkflowHandle<R> handle;

  /** Records a call of a workflow method without arguments. */
  public WithStartWorkflowOperation(Functions.Func<R> workflow) {
    Objects.requireNonNull(workflow, "workflow");
    this.call = workflow::apply;
  }

  /** Records a call of a workflow method with one argument. */
  public <A1> WithStartWorkflowOperation(Functions.Func1<A1, R> workflow, A1 arg1) {
    Objects.requireNonNull(workflow, "workflow");
    this.call = () -> workflow.apply(arg1);
  }

  /** Records a call of a workflow method with two arguments. */
  public <A1, A2> WithStartWorkflowOperation(
      Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
    Objects.requireNonNull(workflow, "workflow");
    this.call = () -> workflow.apply(arg1, arg2);
  }

  /** Records a call of a workflow method with three arguments. */
  public <A1, A2, A3> WithStartWorkflowOperation(
      Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2, A3 arg3) {
    Objects.requireNonNull(workflow, "workflow");
    this.call = () -> workflow.apply(arg1, arg2, arg3);
  }

  /**
   * Returns the recorded workflow method call; the client makes it in its capture mode, where the
   * stub records the call instead of starting a run.
   */
  public Functions.Proc workflowCall() {
    return call;
  }

  /**
   * Returns the handle of the run the update-with-start call started or joined (it follows the
   * workflow ID, like the handle of a start).
   *
   * @throws IllegalStateException if no update-with-start call used this operation yet, or its
   *     start was refused
   */
  public WorkflowHandle<R> getHandle() {
    WorkflowHandle<R> h = handle;
    if (h == null) {
      throw new IllegalStateException(
          "this operation has not started or joined a run; pass it to"
              + " client.executeUpdateWithStart first");
    }
    return h;
  }

  /** Waits for the workflow's result: {@code getHandle().getResult()}. */
  public R getResult() {
    return getHandle().getResult();
  }

  /**
   * Records the run an update-with-start call started or joined: the client calls it once, before
   * it waits for the update.
   *
   * @throws IllegalStateException if the operation was used already
   */
  public void started(WorkflowHandle<R> started) {
    synchronized (this) {
      if (handle != null) {
        throw new IllegalStateException(
            "a WithStartWorkflowOperation serves one update-with-start call; it already started"
                + " or joined "
                + handle);
      }
      handle = started;
    }
  }
}
