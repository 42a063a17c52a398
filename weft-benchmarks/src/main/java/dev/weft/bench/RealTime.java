package dev.weft.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * Waiting for a moment of the wall clock, for the workloads that measure triggers firing on it
 * (schedules, sensors): their fire and due times are wall-clock instants, not durations.
 */
final class RealTime {
  private RealTime() {}

  /** Sleeps until {@code moment}; returns at once if it has passed. */
  static void sleepUntil(Instant moment) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), moment);
    if (left.isPositive()) {
      Thread.sleep(left);
    }
  }
}
