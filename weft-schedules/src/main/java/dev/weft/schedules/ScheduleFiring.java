package dev.weft.schedules;

import java.time.Instant;

/**
 * One firing of a schedule, as its description lists it.
 *
 * @param nominal the fire time the spec gave (the trigger time for a triggered firing)
 * @param actual when the schedule handled it
 * @param workflowId the run's derived ID ({@code <scheduleId>@<nominal>}), or the signaled workflow
 * @param outcome what happened
 * @param reason why it was skipped or failed, or whether the run existed already; {@code null} for
 *     a plain start
 */
public record ScheduleFiring(
    Instant nominal, Instant actual, String workflowId, FiringOutcome outcome, String reason) {}
