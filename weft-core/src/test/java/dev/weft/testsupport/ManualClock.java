package dev.weft.testsupport;

import dev.weft.engine.WeftClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, for engine tests whose timers and timeouts
 * must not depend on how fast the machine is: a timer or a heartbeat timeout falls due only when
 * the test advances the clock past it, and the engine looks at once (advance listeners).
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
 * EngineFixture f = EngineFixture.start(dir, b -> b.clock(clock), setup);
 * clock.advance(Duration.ofSeconds(1)); // a 800 ms timer fires now
 * }</pre>
 */
public final class ManualClock implements WeftClock {
  private final AtomicReference<Instant> now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Creates a clock that shows {@code start} until advanced. */
  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /**
   * Moves the clock forward and wakes whatever waits on it.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + duration);
    }
    now.updateAndGet(t -> t.plus(duration));
    listeners.forEach(Runnable::run);
  }

  /** Moves the clock to {@code time} if that is in its future; otherwise does nothing. */
  public void advanceTo(Instant time) {
    Duration d = Duration.between(now(), time);
    if (d.isPositive()) {
      advance(d);
    }
  }

  @Override
  public void addAdvanceListener(Runnable listener) {
    listeners.add(listener);
  }
}
