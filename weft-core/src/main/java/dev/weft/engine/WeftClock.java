package dev.weft.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time. Engine code never reads the system clock directly, so a test
 * clock can skip time (a 7-day sleep completes in milliseconds).
 */
public interface WeftClock {

  /** Returns the current time. */
  Instant now();

  /**
   * Returns how long to wait in real time for this clock to reach {@code deadline}. A clock that
   * jumps returns a short safety interval and calls its advance listeners when it jumps.
   */
  default Duration realDelayUntil(Instant deadline) {
    Duration d = Duration.between(now(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Registers a callback run after each jump of a clock that jumps; others ignore it. */
  default void addAdvanceListener(Runnable listener) {}

  /**
   * Returns this clock as a {@link java.time.Clock} in UTC that reads {@link #now()}, for code that
   * takes a JDK clock (the asset catalog stamps its records with the engine's clock through it), so
   * that a test clock that stands still or skips is seen the same everywhere.
   */
  default java.time.Clock asJavaClock() {
    return new WeftJavaClock(this);
  }

  /** Returns the system clock. */
  static WeftClock system() {
    return Instant::now;
  }
}
