package dev.weft.internal.runtime;

/**
 * Unwinds a workflow coroutine whose run is being evicted from the cache or whose task is aborted.
 * Thrown from the Weft primitive the coroutine is parked in; workflow code must let it pass (catch
 * {@code Exception}, not {@code Throwable}).
 */
public final class DestroyWorkflowThreadError extends Error {
  static final DestroyWorkflowThreadError INSTANCE = new DestroyWorkflowThreadError();

  private DestroyWorkflowThreadError() {
    super("workflow thread destroyed (run evicted or task aborted)", null, false, false);
  }
}
