package dev.weft.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A {@link WeftClock} seen as a {@link Clock} in UTC: {@link WeftClock#asJavaClock()}. */
final class WeftJavaClock extends Clock {
  private final WeftClock clock;

  WeftJavaClock(WeftClock clock) {
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
