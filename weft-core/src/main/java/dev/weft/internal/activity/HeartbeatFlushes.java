package dev.weft.internal.activity;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the deferred heartbeat writes of this node's activity attempts (see {@link
 * ActivityContext#heartbeat}). One daemon thread keeps the schedule; each due flush runs on a
 * virtual thread of its own, so a slow store write of one attempt never delays another's.
 */
public final class HeartbeatFlushes implements AutoCloseable {
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("weft-heartbeat-flushes").factory());

  /** Runs {@code flush} on a virtual thread after {@code delay}; cancel the result to skip it. */
  ScheduledFuture<?> after(Duration delay, Runnable flush) {
    return schedule.schedule(
        () -> Thread.ofVirtual().name("weft-heartbeat-flush").start(flush),
        delay.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /** Drops the flushes still scheduled: the attempts they belong to are stopping with the node. */
  @Override
  public void close() {
    schedule.shutdownNow();
  }
}
