package dev.weft.assets.testsupport;

import dev.weft.engine.WeftClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The {@link Clock} (UTC) an {@code Assets.Builder} stamps the catalog with, reading a test's
 * engine clock ({@code ManualClock}, {@code SkippingClock}): the catalog's timestamps and the
 * engine's timers then see the same time.
 */
public final class JavaClock extends Clock {
  private final WeftClock clock;

  private JavaClock(WeftClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns a clock that shows what {@code clock} shows now. */
  public static Clock of(WeftClock clock) {
    return new JavaClock(clock);
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
