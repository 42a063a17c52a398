package dev.weft.workflow;

/**
 * A part of a workflow that can be cancelled on its own: cancelling it cancels the activities and
 * timers started inside it (their promises fail with {@code CanceledFailure}) and the scopes nested
 * in it. Cancelling the workflow cancels its root scope.
 *
 * <pre>{@code
 * CancellationScope scope = Workflow.newCancellationScope(() -> {
 *   results.add(Workflow.async(() -> activities.slowPath()));
 * });
 * scope.run();
 * Workflow.sleep(Duration.ofMinutes(5));
 * scope.cancel("took too long");
 * }</pre>
 *
 * <p>A <em>detached</em> scope ({@link Workflow#newDetachedCancellationScope}) is not cancelled
 * with its parent: use it for cleanup that must run after the workflow was cancelled, such as saga
 * compensation.
 */
public interface CancellationScope {

  /** Runs the scope's body in this scope, on the calling workflow thread. */
  void run();

  /** Requests cancellation of everything in this scope. */
  void cancel();

  /** Requests cancellation with a reason that the resulting failures carry. */
  void cancel(String reason);

  /** Returns whether cancellation was requested. */
  boolean isCancelRequested();

  /** Returns whether this scope is detached from its parent. */
  boolean isDetached();
}
