package dev.weft.internal.activity;

import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.ActivityCancelNotRequestedException;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.failure.WeftException;
import dev.weft.history.Failure;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Completes, fails and heartbeats activity attempts from outside the activity method, by task
 * token: the other half of {@code Activity.doNotCompleteOnReturn()}, and the reports of remote
 * workers. Each call is fenced by the attempt's lease token, so a callback that arrives after its
 * attempt timed out (and another attempt started) writes nothing and is told so ({@link
 * ActivityLeaseLostException}).
 */
public final class ActivityCompletions {
  private final Store store;
  private final WeftClock clock;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final ActivityOutcomes outcomes;
  private final ActivityOutcomeGroups groups;

  public ActivityCompletions(
      Store store,
      WeftClock clock,
      PayloadConverter payloads,
      EventCodec codec,
      ActivityOutcomes outcomes,
      ActivityOutcomeGroups groups) {
    this.store = store;
    this.clock = clock;
    this.payloads = payloads;
    this.codec = codec;
    this.outcomes = outcomes;
    this.groups = groups;
  }

  /**
   * A report of {@link #recordTogether}: the attempt returned {@code result} (a payload in the
   * converter's format), or failed with {@code failure} when that is not null.
   */
  public record Report(String taskToken, Payload result, Failure failure) {}

  /**
   * Records reports of attempts like {@link #completeConverted} and {@link #fail(String, Failure)}
   * would one by one, each fenced by its own lease, but the final outcomes of one run together, in
   * the order of {@code reports}, with one workflow task ({@link ActivityOutcomeGroups}).
   *
   * @return per report, null when it was recorded, else the exception the single call would have
   *     thrown for it (it wrote nothing)
   * @throws RuntimeException the first failure of the store (not a refusal), after the reports it
   *     spared were recorded
   */
  public WeftException[] recordTogether(List<Report> reports) {
    WeftException[] refusals = new WeftException[reports.size()];
    RuntimeException failed = null;
    Map<String, List<Integer>> finalsByRun = new LinkedHashMap<>();
    ActivityTaskState[] claims = new ActivityTaskState[reports.size()];
    ActivityOutcomes.Outcome[] prepared = new ActivityOutcomes.Outcome[reports.size()];
    Instant now = clock.now();
    for (int i = 0; i < reports.size(); i++) {
      Report report = reports.get(i);
      try {
        ActivityTaskState claim = waiting(report.taskToken());
        claims[i] = claim;
        prepared[i] =
            report.failure() != null
                ? outcomes.failed(claim, specOf(claim), report.failure(), null, now)
                : outcomes.completed(
                    claim,
                    specOf(claim),
                    payloads.seal(
                        report.result(),
                        "result of activity '" + claim.task().activityType() + "'"),
                    now);
        if (prepared[i] instanceof ActivityOutcomes.Final f) {
          finalsByRun.computeIfAbsent(f.runId(), r -> new ArrayList<>()).add(i);
        } else {
          record(report.taskToken(), claim, prepared[i], now);
        }
      } catch (WeftException refused) {
        refusals[i] = refused;
      } catch (RuntimeException e) {
        failed = failed == null ? e : failed;
      }
    }
    for (List<Integer> run : finalsByRun.values()) {
      List<ActivityOutcomes.Final> group = new ArrayList<>(run.size());
      run.forEach(i -> group.add((ActivityOutcomes.Final) prepared[i]));
      try {
        boolean[] written = groups.tryRecord(group, now);
        for (int k = 0; k < written.length; k++) {
          int i = run.get(k);
          if (!written[k]) {
            refusals[i] = lost(reports.get(i).taskToken(), claims[i], MEANWHILE);
          }
        }
      } catch (RuntimeException e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw failed;
    }
    return refusals;
  }

  /** Records that the attempt returned {@code result}. */
  public void complete(String taskToken, Object result) {
    complete(
        taskToken,
        claim ->
            payloads.encode(result, "result of activity '" + claim.task().activityType() + "'"));
  }

  /** Records that the attempt returned {@code result}, a payload in the converter's format. */
  public void completeConverted(String taskToken, Payload result) {
    complete(
        taskToken,
        claim -> payloads.seal(result, "result of activity '" + claim.task().activityType() + "'"));
  }

  private void complete(String taskToken, Function<ActivityTaskState, Payload> result) {
    ActivityTaskState claim = waiting(taskToken);
    Payload payload = result.apply(claim);
    Instant now = clock.now();
    record(taskToken, claim, outcomes.completed(claim, specOf(claim), payload, now), now);
  }

  /** Records that the attempt failed; its retry policy decides whether another attempt follows. */
  public void fail(String taskToken, Throwable failure) {
    fail(taskToken, FailureConverter.toFailure(failure));
  }

  /** Records that the attempt failed with {@code failure}; see {@link #fail(String, Throwable)}. */
  public void fail(String taskToken, Failure failure) {
    ActivityTaskState claim = waiting(taskToken);
    Instant now = clock.now();
    record(taskToken, claim, outcomes.failed(claim, specOf(claim), failure, null, now), now);
  }

  /** Records heartbeat details and extends the attempt's lease by its heartbeat timeout. */
  public void heartbeat(String taskToken, Object details) {
    heartbeat(
        taskToken,
        claim ->
            payloads.encode(
                details, "heartbeat details of activity '" + claim.task().activityType() + "'"));
  }

  /**
   * Records heartbeat details given in the converter's format (null: none) like {@link
   * #heartbeat(String, Object)}, and returns whether the workflow requested the cancel and waits.
   */
  public boolean heartbeatConverted(String taskToken, Payload details) {
    return heartbeat(
            taskToken,
            claim ->
                details == null
                    ? null
                    : payloads.seal(
                        details,
                        "heartbeat details of activity '" + claim.task().activityType() + "'"))
        == HeartbeatResult.CANCEL_REQUESTED;
  }

  private HeartbeatResult heartbeat(
      String taskToken, Function<ActivityTaskState, Payload> details) {
    ActivityTaskState claim = waiting(taskToken);
    Payload payload = details.apply(claim);
    Instant now = clock.now();
    HeartbeatResult result =
        store.recordHeartbeat(
            claim.task().runId(),
            claim.task().seq(),
            claim.leaseToken(),
            payload == null ? claim.task().heartbeatDetails() : codec.encodeValue(payload),
            ActivityContext.leaseAfterHeartbeat(claim, now));
    if (result == HeartbeatResult.LEASE_LOST) {
      throw lost(taskToken, claim, "the attempt timed out or was cancelled before the heartbeat");
    }
    return result;
  }

  /**
   * Records that the attempt stopped for the cancel its workflow requested (and waits for): the
   * activity ends as cancelled, as when an in-process attempt throws {@code
   * ActivityCanceledException} after a heartbeat said so.
   *
   * @throws ActivityCancelNotRequestedException if the workflow has not requested the cancel
   */
  public void canceled(String taskToken) {
    ActivityTaskState claim = waiting(taskToken);
    // a heartbeat that keeps the details and the lease as they are: it says whether the cancel
    // was requested, fenced by the lease like every write of the attempt
    HeartbeatResult result =
        store.recordHeartbeat(
            claim.task().runId(),
            claim.task().seq(),
            claim.leaseToken(),
            claim.task().heartbeatDetails(),
            claim.leaseUntil());
    if (result == HeartbeatResult.LEASE_LOST) {
      throw lost(taskToken, claim, "the attempt timed out or was cancelled before it reported");
    }
    if (result != HeartbeatResult.CANCEL_REQUESTED) {
      throw new ActivityCancelNotRequestedException(taskToken);
    }
    Instant now = clock.now();
    record(taskToken, claim, outcomes.canceled(claim, specOf(claim), now), now);
  }

  private void record(
      String taskToken, ActivityTaskState claim, ActivityOutcomes.Outcome outcome, Instant now) {
    if (!outcomes.tryRecord(outcome, now)) {
      throw lost(taskToken, claim, MEANWHILE);
    }
  }

  private static final String MEANWHILE =
      "the attempt timed out, was cancelled or its run closed meanwhile";

  private static ActivityLeaseLostException lost(
      String taskToken, ActivityTaskState claim, String why) {
    return new ActivityLeaseLostException(taskToken, claim.task().runId(), claim.task().seq(), why);
  }

  /** Returns the attempt a token names, if it is still running. */
  private ActivityTaskState waiting(String taskToken) {
    TaskToken token = TaskToken.parse(taskToken);
    ActivityTaskState state =
        store
            .findActivityTask(token.runId(), token.seq())
            .orElseThrow(
                () ->
                    new ActivityLeaseLostException(
                        taskToken,
                        token.runId(),
                        token.seq(),
                        "run "
                            + token.runId()
                            + " has no pending activity "
                            + token.seq()
                            + " (it completed, or the run closed)"));
    if (!state.isLeased() || state.leaseToken() != token.leaseToken()) {
      throw new ActivityLeaseLostException(
          taskToken,
          token.runId(),
          token.seq(),
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
