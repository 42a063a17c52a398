package dev.weft.internal.activity;

import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.Failure;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.worker.ActivitySpec;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.Write;
import java.time.Instant;

/**
 * The batches that record how an activity attempt ended: completed, failed (retried or final), or
 * timed out (retried or final). Retries write no history; only the final outcome does, with the
 * attempt count.
 */
public final class ActivityOutcomes {
  private final EngineContext ctx;

  public ActivityOutcomes(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** The attempt returned {@code result}. */
  public Batch completed(ActivityTaskState claim, ActivitySpec spec, Payload result, Instant now) {
    ActivityTaskRecord t = claim.task();
    return finalOutcome(
        claim, spec, new EventAttributes.ActivityCompleted(t.seq(), result, t.attempt()), now);
  }

  /**
   * The attempt failed: retry per the policy (keeping its latest heartbeat details for the next
   * attempt), or record the final failure.
   */
  public Batch failed(
      ActivityTaskState claim,
      ActivitySpec spec,
      Failure failure,
      Payload heartbeatDetails,
      Instant now) {
    ActivityTaskRecord t = claim.task();
    RetryPolicy policy = spec.retryPolicy();
    if (policy.allowsRetry(t.attempt(), failure.type(), failure.nonRetryable())) {
      Instant next = now.plus(policy.backoff(t.attempt()));
      if (t.scheduleToCloseDeadline() == null || next.isBefore(t.scheduleToCloseDeadline())) {
        return Batch.of(
            new Write.RetryActivityTask(
                t.runId(),
                t.seq(),
                t.taskQueue(),
                claim.leaseToken(),
                next,
                ctx.codec().encodeValue(failure),
                heartbeatDetails == null ? null : ctx.codec().encodeValue(heartbeatDetails)));
      }
    }
    return finalOutcome(
        claim, spec, new EventAttributes.ActivityFailed(t.seq(), failure, t.attempt()), now);
  }

  /** The attempt's time ran out (see {@link #timeoutOf}). */
  public Batch timedOut(ActivityTaskState state, ActivitySpec spec, TimeoutType type, Instant now) {
    ActivityTaskRecord t = state.task();
    Failure last =
        t.lastFailure() == null ? null : ctx.codec().decodeValue(t.lastFailure(), Failure.class);
    if (type != TimeoutType.SCHEDULE_TO_CLOSE && state.isLeased()) {
      Failure timeout =
          new Failure(
              Failure.TIMEOUT,
              type.name(),
              "attempt " + t.attempt() + " timed out (" + type + ")",
              "",
              false,
              0,
              0,
              last);
      Batch retry = failed(state, spec, timeout, null, now);
      if (retry.writes().getFirst() instanceof Write.RetryActivityTask) {
        return retry;
      }
    }
    EventAttributes.ActivityTimedOut event =
        new EventAttributes.ActivityTimedOut(t.seq(), type.name(), last, t.attempt());
    if (!state.isLeased()) {
      return Batch.of(
          new Write.DeleteActivityTask(t.runId(), t.seq()),
          inbox(t.runId(), event, now),
          new Write.EnsureWorkflowTask(t.runId(), spec.workflowTaskQueue(), now));
    }
    return finalOutcome(state, spec, event, now);
  }

  /** Says which timeout expired for a task returned by {@code Store.expiredActivityTasks}. */
  public static TimeoutType timeoutOf(ActivityTaskState state, Instant now) {
    ActivityTaskRecord t = state.task();
    Instant deadline = t.scheduleToCloseDeadline();
    if (!state.isLeased() || (deadline != null && !now.isBefore(deadline))) {
      return TimeoutType.SCHEDULE_TO_CLOSE;
    }
    if (t.startToCloseTimeout() != null
        && !now.isBefore(state.startedAt().plus(t.startToCloseTimeout()))) {
      return TimeoutType.START_TO_CLOSE;
    }
    return t.heartbeatTimeout() != null ? TimeoutType.HEARTBEAT : TimeoutType.START_TO_CLOSE;
  }

  private Batch finalOutcome(
      ActivityTaskState claim, ActivitySpec spec, EventAttributes event, Instant now) {
    ActivityTaskRecord t = claim.task();
    return Batch.of(
        new Write.CompleteActivityTask(t.runId(), t.seq(), claim.leaseToken()),
        inbox(t.runId(), event, now),
        new Write.EnsureWorkflowTask(t.runId(), spec.workflowTaskQueue(), now));
  }

  private Write inbox(String runId, EventAttributes event, Instant now) {
    return new Write.InsertInbox(
        runId, event.getClass().getSimpleName(), now, ctx.codec().encode(event));
  }
}
