package dev.weft.internal.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the engine's work in progress: claimed tasks being handled, wake-ups not yet consumed,
 * background passes. A time-skipping test clock jumps only while the count is zero and did not
 * change while it looked at the store (the generation says whether it changed).
 */
public final class IdleTracker {
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();

  /** Marks one unit of work started. */
  public void enter() {
    generation.incrementAndGet();
    busy.incrementAndGet();
  }

  /** Marks one unit of work finished. */
  public void exit() {
    generation.incrementAndGet();
    if (busy.decrementAndGet() == 0) {
      lock.lock();
      try {
        idle.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Returns whether no work is in progress. */
  public boolean isIdle() {
    return busy.get() == 0;
  }

  /** Returns a counter that changes whenever work starts or ends. */
  public long generation() {
    return generation.get();
  }

  /** Waits up to {@code nanos} for the engine to become idle; returns whether it is idle. */
  public boolean awaitIdle(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (busy.get() != 0 && left > 0) {
        left = idle.awaitNanos(left);
      }
      return busy.get() == 0;
    } finally {
      lock.unlock();
    }
  }
}
