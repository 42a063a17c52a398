package dev.weft.internal.activity;

import dev.weft.converter.Payload;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.worker.ActivitySpec;
import dev.weft.internal.worker.ActivitySpecCodec;
import dev.weft.internal.worker.EagerWorkflowTasks;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.HeartbeatResult;
import java.time.Instant;

/**
 * Completes, fails and heartbeats activity attempts from outside the activity method, by task
 * token: the other half of {@code Activity.doNotCompleteOnReturn()}. Each call is fenced by the
 * attempt's lease token, so a callback that arrives after its attempt timed out (and another
 * attempt started) writes nothing and is told so.
 */
public final class ActivityCompletions {
  private final EngineContext ctx;
  private final ActivityOutcomes outcomes;

  public ActivityCompletions(EngineContext ctx) {
    this.ctx = ctx;
    this.outcomes = new ActivityOutcomes(ctx, new EagerWorkflowTasks(ctx, ctx.dispatcher()));
  }

  /** Records that the attempt returned {@code result}. */
  public void complete(String taskToken, Object result) {
    ActivityTaskState claim = waiting(taskToken);
    Payload payload =
        ctx.payloads().encode(result, "result of activity '" + claim.task().activityType() + "'");
    Instant now = ctx.clock().now();
    record(taskToken, outcomes.completed(claim, specOf(claim), payload, now), now);
  }

  /** Records that the attempt failed; its retry policy decides whether another attempt follows. */
  public void fail(String taskToken, Throwable failure) {
    ActivityTaskState claim = waiting(taskToken);
    Instant now = ctx.clock().now();
    record(
        taskToken,
        outcomes.failed(claim, specOf(claim), FailureConverter.toFailure(failure), null, now),
        now);
  }

  /** Records heartbeat details and extends the attempt's lease by its heartbeat timeout. */
  public void heartbeat(String taskToken, Object details) {
    ActivityTaskState claim = waiting(taskToken);
    Payload payload =
        ctx.payloads()
            .encode(details, "heartbeat details of activity '" + claim.task().activityType() + "'");
    Instant now = ctx.clock().now();
    HeartbeatResult result =
        ctx.store()
            .recordHeartbeat(
                claim.task().runId(),
                claim.task().seq(),
                claim.leaseToken(),
                ctx.codec().encodeValue(payload),
                ActivityContext.leaseAfterHeartbeat(claim, now));
    if (result == HeartbeatResult.LEASE_LOST) {
      throw new ActivityNotFoundException(
          taskToken, "the attempt timed out or was cancelled before the heartbeat");
    }
  }

  private void record(String taskToken, ActivityOutcomes.Outcome outcome, Instant now) {
    if (!outcomes.tryRecord(outcome, now)) {
      throw new ActivityNotFoundException(
          taskToken, "the attempt timed out, was cancelled or its run closed meanwhile");
    }
  }

  /** Returns the attempt a token names, if it is still running. */
  private ActivityTaskState waiting(String taskToken) {
    TaskToken token = TaskToken.parse(taskToken);
    ActivityTaskState state =
        ctx.store().findActivityTasks(token.runId()).stream()
            .filter(t -> t.task().seq() == token.seq())
            .findFirst()
            .orElseThrow(
                () ->
                    new ActivityNotFoundException(
                        taskToken,
                        "run "
                            + token.runId()
                            + " has no pending activity "
                            + token.seq()
                            + " (it completed, or the run closed)"));
    if (!state.isLeased() || state.leaseToken() != token.leaseToken()) {
      throw new ActivityNotFoundException(
          taskToken,
          "attempt "
              + state.task().attempt()
              + " of the activity is "
              + (state.isLeased() ? "running" : "waiting to run")
              + " in its place (the named attempt timed out or failed)");
    }
    return state;
  }

  private static ActivitySpec specOf(ActivityTaskState claim) {
    return ActivitySpecCodec.decode(claim.task().spec());
  }
}
