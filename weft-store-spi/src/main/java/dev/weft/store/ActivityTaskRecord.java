package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A scheduled activity: a row in a task queue that workers claim, run and complete.
 *
 * <p>The store reads only the queue, the visibility time and the timeouts (to compute a claim's
 * lease); {@code spec}, {@code heartbeatDetails} and {@code lastFailure} are the engine's bytes.
 *
 * @param runId the run that scheduled the activity
 * @param seq the run's command sequence number; {@code (runId, seq)} identifies the task
 * @param taskQueue the queue workers claim it from
 * @param activityType the activity type name
 * @param attempt the number of attempts started so far (0 before the first claim)
 * @param visibleAt the earliest time the task may be claimed (later than now for a retry backoff)
 * @param scheduleToCloseDeadline the time after which no attempt may run, or {@code null}
 * @param startToCloseTimeout the maximum duration of one attempt, or {@code null}
 * @param heartbeatTimeout the maximum time between heartbeats of a running attempt, or {@code null}
 * @param spec the engine's encoding of what to run (input, retry policy, ...)
 * @param heartbeatDetails the last heartbeat details recorded by any attempt, or {@code null}
 * @param lastFailure the engine's encoding of the last attempt's failure, or {@code null}
 * @param scheduling its priority and fairness key in the queue
 */
public record ActivityTaskRecord(
    String runId,
    long seq,
    String taskQueue,
    String activityType,
    int attempt,
    Instant visibleAt,
    Instant scheduleToCloseDeadline,
    Duration startToCloseTimeout,
    Duration heartbeatTimeout,
    byte[] spec,
    byte[] heartbeatDetails,
    byte[] lastFailure,
    TaskScheduling scheduling) {

  /** Validates the record. */
  public ActivityTaskRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(activityType, "activityType");
    Objects.requireNonNull(visibleAt, "visibleAt");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(scheduling, "scheduling");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
    }
  }

  /** A task with the default scheduling (priority 3, no fairness key). */
  public ActivityTaskRecord(
      String runId,
      long seq,
      String taskQueue,
      String activityType,
      int attempt,
      Instant visibleAt,
      Instant scheduleToCloseDeadline,
      Duration startToCloseTimeout,
      Duration heartbeatTimeout,
      byte[] spec,
      byte[] heartbeatDetails,
      byte[] lastFailure) {
    this(
        runId,
        seq,
        taskQueue,
        activityType,
        attempt,
        visibleAt,
        scheduleToCloseDeadline,
        startToCloseTimeout,
        heartbeatTimeout,
        spec,
        heartbeatDetails,
        lastFailure,
        TaskScheduling.DEFAULT);
  }

  /**
   * Returns the lease expiry of an attempt started at {@code startedAt}: the earliest of the
   * start-to-close deadline, the heartbeat deadline and the schedule-to-close deadline, or {@code
   * startedAt + fallback} when the task has none of them.
   */
  public Instant leaseUntil(Instant startedAt, Duration fallback) {
    Instant until = null;
    if (startToCloseTimeout != null) {
      until = startedAt.plus(startToCloseTimeout);
    }
    if (heartbeatTimeout != null) {
      until = earliest(until, startedAt.plus(heartbeatTimeout));
    }
    if (scheduleToCloseDeadline != null) {
      until = earliest(until, scheduleToCloseDeadline);
    }
    return until != null ? until : startedAt.plus(fallback);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
