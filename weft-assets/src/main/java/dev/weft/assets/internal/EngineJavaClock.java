package dev.weft.assets.internal;

import dev.weft.engine.WeftClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The engine's clock as the {@link Clock} (UTC) the catalog stamps its records with, so that a
 * materialization, the wake-ups it sends to waiting runs and the engine's timers all see one time,
 * also when the engine runs on a test clock that stands still or skips.
 */
public final class EngineJavaClock extends Clock {
  private final WeftClock clock;

  /** Reads {@code clock}. */
  public EngineJavaClock(WeftClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return clock.now();
  }
}
