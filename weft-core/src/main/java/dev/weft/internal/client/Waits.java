package dev.weft.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** How client calls wait for a run to change: on a notification, with a periodic re-check. */
final class Waits {
  private Waits() {}

  /**
   * Waits until {@code change} completes, {@code recheckMillis} pass (the caller then looks at the
   * store again, in case a notification was missed), or the deadline passes.
   *
   * @param deadline the {@link System#nanoTime()} deadline
   * @param timedOut the exception to throw when the deadline passed
   * @throws TimeoutException from {@code timedOut}, once the deadline passed
   */
  static void awaitChange(
      CompletableFuture<Void> change,
      long deadline,
      long recheckMillis,
      Supplier<TimeoutException> timedOut)
      throws TimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timedOut.get();
    }
    try {
      change.get(
          Math.min(left, TimeUnit.MILLISECONDS.toNanos(recheckMillis)), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // look again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
