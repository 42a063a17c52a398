package dev.weft.testing;

import dev.weft.engine.WeftClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at real speed from a start instant and can jump forward: the test environment
 * jumps it to the next timer whenever the engine has nothing else to do, and tests may jump it
 * themselves with {@link #advance}. While {@linkplain #freeze() frozen} it stands still between
 * jumps, so that the engine's processing time does not count as test time (what {@link
 * WeftTestEnvironment#sleep} needs to fire each timer exactly at its due time).
 *
 * <p>Thread-safe; {@link #now()} takes no lock.
 */
public final class SkippingClock implements WeftClock {
  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final AtomicReference<Reading> reading = new AtomicReference<>(new Reading(0, false, 0));
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /**
   * How far the clock is from its start: {@code offset} nanos beyond the real time elapsed, or,
   * when frozen, {@code frozenAt} nanos after the start. {@code skipped} is the total of the jumps.
   */
  private record Reading(long offset, boolean frozen, long skipped) {
    long elapsed(long realElapsed) {
      return frozen ? offset : realElapsed + offset;
    }
  }

  /** Creates a clock that starts at {@code start}. */
  public SkippingClock(Instant start) {
    this.start = start;
  }

  @Override
  public Instant now() {
    return start.plusNanos(reading.get().elapsed(realElapsed()));
  }

  /**
   * Moves the clock forward and wakes everything that waits on it.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + duration);
    }
    long nanos = duration.toNanos();
    reading.updateAndGet(r -> new Reading(r.offset + nanos, r.frozen, r.skipped + nanos));
    listeners.forEach(Runnable::run);
  }

  /** Moves the clock to {@code time} if that is in its future. */
  public void advanceTo(Instant time) {
    Duration d = Duration.between(now(), time);
    if (!d.isNegative() && !d.isZero()) {
      advance(d);
    }
  }

  /**
   * Stops the clock's real-time flow: from now on it moves only by {@link #advance}. Does nothing
   * if it is frozen already.
   */
  public void freeze() {
    reading.updateAndGet(
        r -> r.frozen ? r : new Reading(r.elapsed(realElapsed()), true, r.skipped));
  }

  /** Lets the clock run at real speed again, from where it stands. Does nothing if it runs. */
  public void unfreeze() {
    reading.updateAndGet(
        r -> r.frozen ? new Reading(r.offset - realElapsed(), false, r.skipped) : r);
  }

  /** Returns whether the clock is frozen. */
  public boolean isFrozen() {
    return reading.get().frozen;
  }

  /** Returns the total time skipped so far. */
  public Duration skipped() {
    return Duration.ofNanos(reading.get().skipped);
  }

  @Override
  public void addAdvanceListener(Runnable listener) {
    listeners.add(listener);
  }

  private long realElapsed() {
    return System.nanoTime() - startNanos;
  }
}
