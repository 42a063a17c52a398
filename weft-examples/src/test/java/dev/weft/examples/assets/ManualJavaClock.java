package dev.weft.examples.assets;

import dev.weft.testsupport.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The test's {@link ManualClock} as a {@link java.time.Clock} (UTC), for the asset catalog. */
final class ManualJavaClock extends Clock {
  private final ManualClock clock;

  ManualJavaClock(ManualClock clock) {
    this.clock = clock;
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
