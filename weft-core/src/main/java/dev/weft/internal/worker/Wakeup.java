package dev.weft.internal.worker;

import dev.weft.internal.engine.IdleTracker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sticky wake-up signal for one waiting loop: a signal that arrives while the loop is busy is
 * kept, so the loop's next wait returns at once (no lost wake-ups). A pending signal counts as work
 * in progress for the {@link IdleTracker}.
 */
public final class Wakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signaled = lock.newCondition();
  private final IdleTracker tracker;
  private boolean pending;
  private boolean closed;

  public Wakeup(IdleTracker tracker) {
    this.tracker = tracker;
  }

  /** Wakes the loop, now or at its next wait. */
  public void signal() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (!pending) {
        pending = true;
        tracker.enter();
      }
      signaled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Consumes a pending signal; returns whether there was one. */
  public boolean clear() {
    lock.lock();
    try {
      if (pending) {
        pending = false;
        tracker.exit();
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code nanos} for a signal (returning at once if one is pending) and consumes it.
   */
  public void await(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (!pending && left > 0) {
        left = signaled.awaitNanos(left);
      }
      if (pending) {
        pending = false;
        tracker.exit();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the signal once its loop has stopped: a pending signal is dropped and later ones are
   * ignored, so they no longer count as work in progress (an engine closing waits for idle).
   */
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (pending) {
        pending = false;
        tracker.exit();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits like {@link #await(long)}, but a signal it consumes stays counted as work in progress:
   * the caller owns that unit and exits it ({@link IdleTracker#exit()}) once it has entered its
   * own, so the engine never looks idle between a wake-up and the work it causes.
   *
   * @return whether a signal was consumed (and its unit handed to the caller)
   */
  public boolean awaitAndHold(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (!pending && left > 0) {
        left = signaled.awaitNanos(left);
      }
      if (pending) {
        pending = false;
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Waits like {@link #await(long)}, with a unit. */
  public void await(long amount, TimeUnit unit) throws InterruptedException {
    await(unit.toNanos(amount));
  }
}
