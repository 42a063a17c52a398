package dev.weft.schedules;

/**
 * What became of one request of an evaluation.
 *
 * @param dedupeKey the request's dedupe key
 * @param workflowId the workflow ID derived from the sensor and the key ({@code <sensor>:<key>});
 *     for a signal, the workflow signaled
 * @param runId the run started or found, {@code null} when unknown (a signal, a failed start)
 * @param outcome {@link TriggerOutcome#STARTED}, {@link TriggerOutcome#ALREADY_STARTED} (the key
 *     ran before: nothing new was started) or {@link TriggerOutcome#SIGNALED}; {@code null} if the
 *     action failed
 * @param error why the action failed (unknown workflow type, closed workflow to signal), else
 *     {@code null}
 */
public record SensorRequestOutcome(
    String dedupeKey, String workflowId, String runId, TriggerOutcome outcome, String error) {}
