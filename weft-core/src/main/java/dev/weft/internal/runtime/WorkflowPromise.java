package dev.weft.internal.runtime;

import dev.weft.workflow.CompletablePromise;
import dev.weft.workflow.Promise;
import java.util.function.Function;

/**
 * The promise of workflow code. Completed by the engine when it applies an event (or by workflow
 * code); read by coroutines, which park in {@link #get()} until it is done. Only the thread that
 * currently runs the run's code touches it, so it needs no synchronization.
 */
final class WorkflowPromise<T> implements CompletablePromise<T> {
  private boolean done;
  private T value;
  private RuntimeException failure;

  @Override
  public boolean isDone() {
    return done;
  }

  @Override
  public T get() {
    if (!done) {
      WorkflowThreadContext context = WorkflowThreadContext.current("Promise.get()");
      context
          .runner
          .concurrency()
          .yieldUntil(context.blockingCoroutine("Promise.get()"), this::isDone);
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  @Override
  public RuntimeException getFailure() {
    return failure;
  }

  @Override
  public <U> Promise<U> thenApply(Function<? super T, ? extends U> fn) {
    return WorkflowThreadContext.current("Promise.thenApply()")
        .runner
        .concurrency()
        .async("thenApply", () -> fn.apply(get()));
  }

  @Override
  public boolean complete(T value) {
    if (done) {
      return false;
    }
    this.value = value;
    this.done = true;
    return true;
  }

  @Override
  public boolean completeExceptionally(RuntimeException failure) {
    if (done) {
      return false;
    }
    this.failure = failure;
    this.done = true;
    return true;
  }

  static <T> WorkflowPromise<T> completed(T value) {
    WorkflowPromise<T> p = new WorkflowPromise<>();
    p.complete(value);
    return p;
  }
}
