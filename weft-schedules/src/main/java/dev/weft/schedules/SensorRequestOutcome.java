package dev.weft.schedules;

/**
 * What became of one request of an evaluation.
 *
 * @param dedupeKey the request's dedupe key
 * @param workflowId the workflow ID derived from the sensor and the key ({@code <sensor>:<key>})
 * @param outcome {@code STARTED}, {@code ALREADY_STARTED} (the key ran before) or {@code FAILED}
 * @param message the error of a failed start, else {@code null}
 */
public record SensorRequestOutcome(
    String dedupeKey, String workflowId, String outcome, String message) {
  /** The request started a new run. */
  public static final String STARTED = "STARTED";

  /** A run with the derived ID existed: nothing new was started. */
  public static final String ALREADY_STARTED = "ALREADY_STARTED";

  /** The start failed (see the message). */
  public static final String FAILED = "FAILED";
}
