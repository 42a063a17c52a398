package dev.weft.testing;

import dev.weft.engine.WorkInProgress;
import dev.weft.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves a {@link SkippingClock} forward by a duration one due time at a time: to the next timer,
 * retry or timeout, then waits until the engine has handled it (and whatever that scheduled), then
 * on to the next, until the duration is used up. The clock is frozen meanwhile, so a timer that the
 * handling of another one starts is due exactly its duration after that one, not after it plus the
 * engine's processing time. Holds {@link #lock()} while it moves, so the automatic {@link
 * TimeSkipper} does not jump past its target.
 */
final class TimeStepper {
  private final WorkInProgress progress;
  private final Store store;
  private final SkippingClock clock;
  private final Duration idleTimeout;
  private final ReentrantLock lock = new ReentrantLock();

  TimeStepper(WorkInProgress progress, Store store, SkippingClock clock, Duration idleTimeout) {
    this.progress = progress;
    this.store = store;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  /** The lock held while time moves by steps. */
  ReentrantLock lock() {
    return lock;
  }

  void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot sleep a negative duration: " + duration);
    }
    lock.lock();
    boolean wasFrozen = clock.isFrozen();
    clock.freeze();
    try {
      Instant target = clock.now().plus(duration);
      Instant dueBefore = null;
      while (true) {
        Instant now = clock.now();
        Optional<Instant> next = settledNextDueTime(now);
        if (next.isEmpty() || next.get().isAfter(target)) {
          break;
        }
        if (next.get().isAfter(now)) {
          clock.advanceTo(next.get());
          dueBefore = null;
        } else if (next.get().equals(dueBefore)) {
          // due already, and a wake-up did not make the engine take it (a paused queue's task):
          // the remaining due times cannot be told apart, so the rest of the duration is one jump
          break;
        } else {
          dueBefore = next.get();
          clock.advance(Duration.ZERO); // wakes the engine's due-work loop
        }
      }
      clock.advanceTo(target);
      settledNextDueTime(target);
    } finally {
      if (!wasFrozen) {
        clock.unfreeze();
      }
      lock.unlock();
    }
  }

  /** Waits until the engine is idle and stays so across a read of the store. */
  void awaitSettled() {
    settledNextDueTime(clock.now());
  }

  /**
   * Waits until the engine is idle and reads the store's next due time, again until no work started
   * or ended while it read (the generation did not change): a wake-up handed from one engine thread
   * to another cannot slip between the idle check and the read.
   */
  private Optional<Instant> settledNextDueTime(Instant now) {
    while (true) {
      awaitIdle();
      long generation = progress.generation();
      Optional<Instant> next = store.nextDueTime(now);
      if (progress.isIdle() && progress.generation() == generation) {
        return next;
      }
    }
  }

  /**
   * Waits until the engine has no work in progress.
   *
   * @throws IllegalStateException if it is still busy after the idle timeout
   */
  void awaitIdle() {
    try {
      if (!progress.awaitIdle(idleTimeout)) {
        throw new IllegalStateException(
            "the engine still has work in progress after "
                + idleTimeout
                + " (an activity that does not return, a workflow task that does not end?)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine to be idle", e);
    }
  }
}
