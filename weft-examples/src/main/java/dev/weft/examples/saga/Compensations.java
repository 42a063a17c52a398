package dev.weft.examples.saga;

import dev.weft.failure.WeftFailure;
import dev.weft.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The compensating actions of a saga, for workflow code: add one after each step that succeeded;
 * {@link #run()} runs them last-added first.
 *
 * <pre>{@code
 * Compensations compensations = new Compensations();
 * try {
 *   payments.chargePayment(order);
 *   compensations.add(() -> refunds.refundPayment(order));
 *   shipping.ship(order);
 * } catch (ActivityFailure e) {
 *   compensations.run();
 *   throw e;
 * }
 * }</pre>
 *
 * <p>Not thread-safe; use it from one workflow thread.
 */
public final class Compensations {
  private final Deque<Runnable> actions = new ArrayDeque<>();

  /** Adds a compensation; it runs before the ones added earlier. */
  public void add(Runnable compensation) {
    actions.push(compensation);
  }

  /**
   * Runs the compensations in reverse order of addition, in a detached cancellation scope so that
   * they run to completion even when the workflow was cancelled. A compensation that fails for good
   * does not stop the others: the first such failure is thrown once all ran, the later ones
   * attached to it as suppressed.
   */
  public void run() {
    Workflow.newDetachedCancellationScope(this::runAll).run();
  }

  private void runAll() {
    WeftFailure first = null;
    while (!actions.isEmpty()) {
      try {
        actions.pop().run();
      } catch (WeftFailure e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
