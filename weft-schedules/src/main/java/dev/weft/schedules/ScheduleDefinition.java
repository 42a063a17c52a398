package dev.weft.schedules;

import java.time.Duration;
import java.util.Objects;

/**
 * A schedule: when it fires ({@link ScheduleSpec}), what it does ({@link TriggerAction}), what
 * happens on overlap, how late a missed firing may still run, and whether it is paused.
 *
 * @param id the schedule's ID (no {@code @}: it separates the ID from the fire time in derived
 *     workflow IDs)
 * @param spec when it fires
 * @param action what each firing does
 * @param overlapPolicy what a firing does while the previous one's run is running
 * @param catchUpWindow how late a firing may be handled and still run (after downtime); a firing
 *     older than this is recorded as skipped. One minute by default, as in Temporal.
 * @param paused whether firings are skipped
 * @param note why it is paused (or any operator note), or {@code null}
 * @param description what it is for, or {@code null}
 */
public record ScheduleDefinition(
    String id,
    ScheduleSpec spec,
    TriggerAction action,
    OverlapPolicy overlapPolicy,
    Duration catchUpWindow,
    boolean paused,
    String note,
    String description) {

  /** The catch-up window when none is given: one minute, as in Temporal. */
  public static final Duration DEFAULT_CATCH_UP_WINDOW = Duration.ofMinutes(1);

  /**
   * @throws IllegalArgumentException naming the field if the ID is blank or holds {@code @}, or the
   *     catch-up window is not positive
   * @throws NullPointerException if the spec or the action is null
   */
  public ScheduleDefinition {
    if (id == null || id.isBlank() || id.contains("@")) {
      throw new IllegalArgumentException(
          "id is "
              + (id == null ? "null" : "'" + id + "'")
              + ": expected a non-blank value without '@'");
    }
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(action, "action");
    overlapPolicy = overlapPolicy == null ? OverlapPolicy.SKIP : overlapPolicy;
    catchUpWindow = catchUpWindow == null ? DEFAULT_CATCH_UP_WINDOW : catchUpWindow;
    if (catchUpWindow.isZero() || catchUpWindow.isNegative()) {
      throw new IllegalArgumentException(
          "catchUpWindow is " + catchUpWindow + ": expected a positive duration");
    }
  }

  /** A running schedule with the default overlap policy (SKIP) and catch-up window (1 minute). */
  public static ScheduleDefinition of(String id, ScheduleSpec spec, TriggerAction action) {
    return new ScheduleDefinition(id, spec, action, null, null, false, null, null);
  }

  /** This definition with another overlap policy. */
  public ScheduleDefinition withOverlapPolicy(OverlapPolicy policy) {
    return new ScheduleDefinition(
        id, spec, action, policy, catchUpWindow, paused, note, description);
  }

  /** This definition with another catch-up window. */
  public ScheduleDefinition withCatchUpWindow(Duration window) {
    return new ScheduleDefinition(
        id, spec, action, overlapPolicy, window, paused, note, description);
  }

  /** This definition paused (or not) with a note. */
  public ScheduleDefinition withPaused(boolean paused, String note) {
    return new ScheduleDefinition(
        id, spec, action, overlapPolicy, catchUpWindow, paused, note, description);
  }

  /** This definition with another spec. */
  public ScheduleDefinition withSpec(ScheduleSpec spec) {
    return new ScheduleDefinition(
        id, spec, action, overlapPolicy, catchUpWindow, paused, note, description);
  }

  /** This definition with another action. */
  public ScheduleDefinition withAction(TriggerAction action) {
    return new ScheduleDefinition(
        id, spec, action, overlapPolicy, catchUpWindow, paused, note, description);
  }

  /** This definition with a description. */
  public ScheduleDefinition withDescription(String description) {
    return new ScheduleDefinition(
        id, spec, action, overlapPolicy, catchUpWindow, paused, note, description);
  }
}
