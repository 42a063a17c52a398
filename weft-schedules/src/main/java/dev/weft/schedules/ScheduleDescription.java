package dev.weft.schedules;

import java.time.Instant;
import java.util.List;

/**
 * What a schedule is and did, read from its workflow by a query.
 *
 * @param definition the current definition (paused and note included)
 * @param nextFireTimes the next nominal fire times
 * @param recentFirings the latest firings, oldest first (at most {@value #RECENT_FIRINGS})
 * @param bufferedFirings the nominal times of firings waiting for a running run to close
 * @param runningWorkflowIds the runs the schedule started that it last saw running
 * @param started how many firings ran their action
 * @param skipped how many firings were skipped
 * @param failed how many firings failed
 */
public record ScheduleDescription(
    ScheduleDefinition definition,
    List<Instant> nextFireTimes,
    List<ScheduleFiring> recentFirings,
    List<Instant> bufferedFirings,
    List<String> runningWorkflowIds,
    long started,
    long skipped,
    long failed) {

  /** How many recent firings a schedule keeps. */
  public static final int RECENT_FIRINGS = 50;

  /** Whether the schedule is paused. */
  public boolean paused() {
    return definition.paused();
  }

  /** The pause note, or {@code null}. */
  public String note() {
    return definition.note();
  }
}
