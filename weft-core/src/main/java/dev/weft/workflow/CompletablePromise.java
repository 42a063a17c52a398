package dev.weft.workflow;

/**
 * A promise that workflow code completes itself, for example from a signal handler. Made with
 * {@link Workflow#newPromise()}.
 *
 * @param <T> the value type
 */
public interface CompletablePromise<T> extends Promise<T> {

  /** Completes with a value; returns {@code false} if already done. */
  boolean complete(T value);

  /** Completes with a failure; returns {@code false} if already done. */
  boolean completeExceptionally(RuntimeException failure);
}
