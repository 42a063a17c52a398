package dev.weft.activity;

import java.time.Instant;

/**
 * What a running activity attempt knows about itself.
 *
 * @param activityType the activity type
 * @param taskQueue the queue it was dispatched on
 * @param workflowId the workflow that scheduled it
 * @param runId the run that scheduled it
 * @param seq the run's command sequence number of this activity
 * @param attempt this attempt's number, starting at 1
 * @param startedAt when this attempt started
 * @param taskToken an opaque token identifying this attempt, for asynchronous completion; {@code
 *     null} for a local activity
 * @param local whether this is a local activity (run inside its workflow's task)
 */
public record ActivityInfo(
    String activityType,
    String taskQueue,
    String workflowId,
    String runId,
    long seq,
    int attempt,
    Instant startedAt,
    String taskToken,
    boolean local) {}
