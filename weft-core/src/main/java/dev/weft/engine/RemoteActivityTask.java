package dev.weft.engine;

import dev.weft.converter.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An activity attempt leased to a worker outside the engine by {@link RemoteActivities#poll} or
 * {@link RemoteActivities#pollBatch}. The worker runs it and reports with the task token before the
 * lease ends: {@link RemoteActivities#complete}, {@link RemoteActivities#fail}, and {@link
 * RemoteActivities#heartbeat} to extend the lease of a long attempt by its heartbeat timeout.
 *
 * <p>Payloads are as the engine's {@link dev.weft.converter.DataConverter} made them, after its
 * {@link dev.weft.converter.PayloadCodec} was undone (so decrypted): with the default converter,
 * {@code input} is a JSON array of the activity's arguments.
 *
 * @param taskToken the attempt's opaque token: names the activity and fences the attempt's lease
 * @param namespace the namespace of the workflow that scheduled it
 * @param taskQueue the queue it was claimed from
 * @param activityType the activity type
 * @param workflowId the workflow that scheduled it
 * @param runId the run that scheduled it
 * @param activityId the run's ID of the activity (its command sequence number, as text)
 * @param attempt this attempt's number, from 1
 * @param input the arguments
 * @param startedAt when this attempt started (the claim)
 * @param leaseUntil when the lease ends unless a heartbeat extends it
 * @param scheduleToCloseDeadline when every attempt must have ended, or null
 * @param startToCloseTimeout the longest one attempt may take, or null
 * @param heartbeatTimeout the longest time between heartbeats, or null (no heartbeats needed)
 * @param heartbeatDetails the latest heartbeat details of an earlier attempt (progress to resume
 *     from), or null
 */
public record RemoteActivityTask(
    String taskToken,
    String namespace,
    String taskQueue,
    String activityType,
    String workflowId,
    String runId,
    String activityId,
    int attempt,
    Payload input,
    Instant startedAt,
    Instant leaseUntil,
    Instant scheduleToCloseDeadline,
    Duration startToCloseTimeout,
    Duration heartbeatTimeout,
    Payload heartbeatDetails) {

  /** Validates the record. */
  public RemoteActivityTask {
    Objects.requireNonNull(taskToken, "taskToken");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(activityType, "activityType");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }
}
