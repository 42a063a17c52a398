package dev.weft.testing;

import dev.weft.engine.WeftClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs at real speed from a start instant and can jump forward: the test environment
 * jumps it to the next timer whenever the engine has nothing else to do, and tests may jump it
 * themselves with {@link #advance}.
 */
public final class SkippingClock implements WeftClock {
  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final AtomicLong skippedNanos = new AtomicLong();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Creates a clock that starts at {@code start}. */
  public SkippingClock(Instant start) {
    this.start = start;
  }

  @Override
  public Instant now() {
    return start.plusNanos(System.nanoTime() - startNanos + skippedNanos.get());
  }

  /** Moves the clock forward and wakes everything that waits on it. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + duration);
    }
    skippedNanos.addAndGet(duration.toNanos());
    listeners.forEach(Runnable::run);
  }

  /** Moves the clock to {@code time} if that is in its future. */
  public void advanceTo(Instant time) {
    Duration d = Duration.between(now(), time);
    if (!d.isNegative() && !d.isZero()) {
      advance(d);
    }
  }

  /** Returns the total time skipped so far. */
  public Duration skipped() {
    return Duration.ofNanos(skippedNanos.get());
  }

  @Override
  public void addAdvanceListener(Runnable listener) {
    listeners.add(listener);
  }
}
