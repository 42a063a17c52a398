package dev.weft.internal.activity;

import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.Store;
import java.time.Instant;

/**
 * Completes, fails and heartbeats activity attempts from outside the activity method, by task
 * token: the other half of {@code Activity.doNotCompleteOnReturn()}. Each call is fenced by the
 * attempt's lease token, so a callback that arrives after its attempt timed out (and another
 * attempt started) writes nothing and is told so.
 */
public final class ActivityCompletions {
  private final Store store;
  private final WeftClock clock;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final ActivityOutcomes outcomes;

  public ActivityCompletions(
      Store store,
      WeftClock clock,
      PayloadConverter payloads,
      EventCodec codec,
      ActivityOutcomes outcomes) {
    this.store = store;
    this.clock = clock;
    this.payloads = payloads;
    this.codec = codec;
    this.outcomes = outcomes;
  }

  /** Records that the attempt returned {@code result}. */
  public void complete(String taskToken, Object result) {
    ActivityTaskState claim = waiting(taskToken);
    Payload payload =
        payloads.encode(result, "result of activity '" + claim.task().activityType() + "'");
    Instant now = clock.now();
    record(taskToken, outcomes.completed(claim, specOf(claim), payload, now), now);
  }

  /** Records that the attempt failed; its retry policy decides whether another attempt follows. */
  public void fail(String taskToken, Throwable failure) {
    ActivityTaskState claim = waiting(taskToken);
    Instant now = clock.now();
    record(
        taskToken,
        outcomes.failed(claim, specOf(claim), FailureConverter.toFailure(failure), null, now),
        now);
  }

  /** Records heartbeat details and extends the attempt's lease by its heartbeat timeout. */
  public void heartbeat(String taskToken, Object details) {
    ActivityTaskState claim = waiting(taskToken);
    Payload payload =
        payloads.encode(
            details, "heartbeat details of activity '" + claim.task().activityType() + "'");
    Instant now = clock.now();
    HeartbeatResult result =
        store.recordHeartbeat(
            claim.task().runId(),
            claim.task().seq(),
            claim.leaseToken(),
            codec.encodeValue(payload),
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
        store.findActivityTasks(token.runId()).stream()
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
