package dev.weft.workflow;

import dev.weft.internal.runtime.Promises;
import java.util.List;
import java.util.function.Function;

/**
 * The durable result of an asynchronous operation in workflow code: an activity, a timer, a {@link
 * Workflow#async} block. Waiting on it ({@link #get()}) parks the workflow code deterministically;
 * never use {@link java.util.concurrent.CompletableFuture} in workflow code.
 *
 * <pre>{@code
 * Promise<String> a = Workflow.async(() -> activities.fetch("a"));
 * Promise<String> b = Workflow.async(() -> activities.fetch("b"));
 * Promise.allOf(List.of(a, b)).get();
 * return a.get() + b.get();
 * }</pre>
 *
 * @param <T> the value type
 */
public interface Promise<T> {

  /** Returns whether the operation finished (with a value or a failure). */
  boolean isDone();

  /**
   * Waits until the operation finishes and returns its value.
   *
   * @throws RuntimeException the operation's failure (for example an {@code ActivityFailure})
   */
  T get();

  /** Returns the failure once done, or {@code null} if it succeeded or is not done. */
  RuntimeException getFailure();

  /**
   * Returns a promise of {@code fn} applied to this promise's value; runs as workflow code once
   * this promise completes. A failure of this promise fails the returned one.
   */
  <U> Promise<U> thenApply(Function<? super T, ? extends U> fn);

  /** Returns a promise that is done when all {@code promises} are; fails with the first failure. */
  static Promise<Void> allOf(List<? extends Promise<?>> promises) {
    return Promises.allOf(promises);
  }

  /**
   * Returns a promise that is done when any of {@code promises} is, with that promise's value (the
   * first in list order if several finish in the same workflow task).
   */
  static <V> Promise<V> anyOf(List<? extends Promise<? extends V>> promises) {
    return Promises.anyOf(promises);
  }
}
