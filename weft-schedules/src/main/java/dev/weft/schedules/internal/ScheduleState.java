package dev.weft.schedules.internal;

import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleFiring;
import java.time.Instant;
import java.util.List;

/**
 * What a schedule's workflow carries across continue-as-new.
 *
 * @param definition the current definition
 * @param lastProcessed the last nominal fire time handled; {@code null} for a new schedule, whose
 *     workflow starts from the time it starts
 * @param recentFirings the latest firings, oldest first, bounded
 * @param buffered firings waiting for the running runs to close, in order
 * @param running the runs the schedule started and last saw running
 * @param started firings that ran their action
 * @param skipped firings skipped
 * @param failed firings that failed
 */
public record ScheduleState(
    ScheduleDefinition definition,
    Instant lastProcessed,
    List<ScheduleFiring> recentFirings,
    List<Pending> buffered,
    List<String> running,
    long started,
    long skipped,
    long failed) {

  /** The state of a new schedule: it fires from the time its workflow starts. */
  public static ScheduleState initial(ScheduleDefinition definition) {
    return new ScheduleState(definition, null, List.of(), List.of(), List.of(), 0, 0, 0);
  }

  /**
   * A firing waiting its turn.
   *
   * @param nominal its nominal time
   * @param actual when it came
   */
  public record Pending(Instant nominal, Instant actual) {}
}
