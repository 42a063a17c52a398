package dev.weft.schedules.internal;

import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.ScheduleFiring;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The recent firings of a schedule (the latest {@value ScheduleDescription#RECENT_FIRINGS}) and its
 * counters, kept in the workflow and carried across continue-as-new.
 */
final class FiringLog {
  private final Deque<ScheduleFiring> recent;
  private long started;
  private long skipped;
  private long failed;

  FiringLog(List<ScheduleFiring> recent, long started, long skipped, long failed) {
    this.recent = new ArrayDeque<>(recent);
    this.started = started;
    this.skipped = skipped;
    this.failed = failed;
  }

  void record(ScheduleFiring firing) {
    switch (firing.outcome()) {
      case STARTED -> started++;
      case SKIPPED -> skipped++;
      case FAILED -> failed++;
      case BUFFERED -> {}
    }
    if (firing.outcome() != FiringOutcome.BUFFERED) {
      // a buffered firing that ran (or was skipped) replaces its BUFFERED entry
      recent.removeIf(
          f -> f.outcome() == FiringOutcome.BUFFERED && f.nominal().equals(firing.nominal()));
    }
    recent.addLast(firing);
    while (recent.size() > ScheduleDescription.RECENT_FIRINGS) {
      recent.removeFirst();
    }
  }

  List<ScheduleFiring> recent() {
    return List.copyOf(recent);
  }

  long started() {
    return started;
  }

  long skipped() {
    return skipped;
  }

  long failed() {
    return failed;
  }
}
