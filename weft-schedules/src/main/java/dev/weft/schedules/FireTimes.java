package dev.weft.schedules;

import java.time.Instant;
import java.util.Optional;

/** The unbounded nominal fire times of a schedule: a zoned cron expression or a fixed interval. */
sealed interface FireTimes permits ZonedCron, FixedInterval {

  /** Returns the first fire time strictly after {@code time}, if any. */
  Optional<Instant> nextAfter(Instant time);
}
