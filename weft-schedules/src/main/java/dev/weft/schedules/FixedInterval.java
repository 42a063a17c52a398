package dev.weft.schedules;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Fire times {@code epoch + offset + k * interval} for every integer k, in any zone. */
record FixedInterval(Duration interval, Duration offset) implements FireTimes {

  @Override
  public Optional<Instant> nextAfter(Instant time) {
    Instant base = Instant.EPOCH.plus(offset);
    Duration elapsed = Duration.between(base, time);
    long periods = elapsed.dividedBy(interval);
    if (elapsed.minus(interval.multipliedBy(periods)).isNegative()) {
      periods--; // dividedBy truncates toward zero; before the base we need the floor
    }
    try {
      return Optional.of(base.plus(interval.multipliedBy(periods + 1)));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
