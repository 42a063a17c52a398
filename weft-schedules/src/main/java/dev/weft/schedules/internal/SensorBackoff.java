package dev.weft.schedules.internal;

import java.time.Duration;

/**
 * The wait before a sensor's next evaluation: its interval while evaluations succeed, doubled per
 * consecutive failure while they fail, capped at {@link #MAX_BACKOFF} (or the interval itself if
 * that is longer), so a failing sensor keeps being retried, never stopped.
 */
final class SensorBackoff {
  /** The longest wait of a failing sensor whose interval is shorter. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  private SensorBackoff() {}

  /** Returns the wait after {@code failures} consecutive failed evaluations. */
  static Duration delay(Duration interval, int failures) {
    if (failures <= 0) {
      return interval;
    }
    Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
    int doublings = Math.min(failures, 30);
    Duration backoff = interval;
    for (int i = 0; i < doublings && backoff.compareTo(cap) < 0; i++) {
      backoff = backoff.multipliedBy(2);
    }
    return backoff.compareTo(cap) > 0 ? cap : backoff;
  }
}
