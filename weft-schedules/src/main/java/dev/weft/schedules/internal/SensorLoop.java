package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetWaitResult;
import dev.weft.assets.AssetWorkflow;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.SensorStatus;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SensorWorkflow}: up to {@link #EVALUATIONS_PER_RUN} evaluations per run (durable timer,
 * evaluation activity, starts, record), or fewer when the history reaches the engine's
 * continue-as-new suggestion, then continue-as-new with the state, so a history stays short
 * whatever the age of the sensor. A sensor watching assets waits on the catalog instead of a timer:
 * one durable wait ({@link AssetWorkflow#awaitMaterialized}) per watched asset, re-armed after each
 * change it reports, and evaluates once a change is known and the (backed-off) interval since its
 * previous evaluation has passed. Each run is a row in the workflows list: a one-second sensor that
 * continued every 50 evaluations put one there every minute and pushed the user's runs off its
 * first page.
 */
public final class SensorLoop implements SensorWorkflow {
  /** Evaluations per run before continue-as-new. */
  static final int EVALUATIONS_PER_RUN = 500;

  private final SensorEvaluations evaluations =
      Workflow.newActivityStub(
          SensorEvaluations.class,
          ActivityOptions.newBuilder()
              .taskQueue(EVALUATION_QUEUE)
              .startToCloseTimeout(Duration.ofMinutes(1))
              .scheduleToCloseTimeout(Duration.ofMinutes(2))
              .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
              .build());
  private RequestStarts starts;

  private String name;
  private Duration interval;
  private boolean paused;
  private String pauseNote;
  private String cursor;
  private int failures;
  private final List<SensorEvaluation> recent = new ArrayList<>();
  private Instant nextEvaluationAt;
  private int changes;
  private List<String> watched = List.of();
  private final Map<String, Instant> seenUntil = new TreeMap<>();
  private final List<String> changedAssets = new ArrayList<>();
  private final Map<String, Promise<AssetWaitResult>> waits = new LinkedHashMap<>();

  @Override
  public void run(SensorState state) {
    starts = new RequestStarts();
    name = state.name();
    interval = state.minimumInterval();
    paused = state.paused();
    pauseNote = state.pauseNote();
    cursor = state.cursor();
    failures = state.consecutiveFailures();
    recent.addAll(state.recentEvaluations());
    watched = state.watchedAssets();
    seenUntil.putAll(state.seenUntil());
    changedAssets.addAll(state.changedAssets());
    Instant base = Workflow.now();
    for (int i = 0;
        i < EVALUATIONS_PER_RUN && !Workflow.getInfo().isContinueAsNewSuggested();
        i++) {
      if (watched.isEmpty()) {
        awaitNextEvaluation(base);
      } else {
        awaitChange(base);
      }
      evaluate();
      base = Workflow.now();
    }
    Workflow.continueAsNew(
        new SensorState(
            name,
            interval,
            paused,
            pauseNote,
            cursor,
            failures,
            recent,
            watched,
            seenUntil,
            changedAssets));
  }

  /**
   * Waits until a watched asset has changed and one (backed-off) interval after {@code base} has
   * passed, re-planning on each signal; a wait that fails is recorded as a failed evaluation and
   * armed again after the backoff.
   */
  private void awaitChange(Instant base) {
    while (true) {
      if (paused) {
        nextEvaluationAt = null;
        Workflow.await(() -> !paused);
        base = Workflow.now();
      }
      if (watched.isEmpty()) {
        awaitNextEvaluation(base);
        return;
      }
      armWaits();
      if (!takeChanges()) {
        int seen = changes;
        Workflow.await(SensorBackoff.delay(interval, failures), () -> changes != seen);
        continue;
      }
      int seen = changes;
      if (changedAssets.isEmpty()) {
        nextEvaluationAt = null;
        Workflow.await(() -> changes != seen || waits.values().stream().anyMatch(Promise::isDone));
        continue;
      }
      nextEvaluationAt = base.plus(SensorBackoff.delay(interval, failures));
      Duration left = Duration.between(Workflow.now(), nextEvaluationAt);
      if (!left.isPositive()) {
        return;
      }
      boolean changed = Workflow.await(left, () -> changes != seen);
      if (!changed && !paused) {
        return;
      }
    }
  }

  /**
   * Starts a catalog wait for each watched asset that has none: for a materialization after the
   * last one seen, or, for an asset not seen yet, one finished from the millisecond the watch began
   * on (the catalog's times are milliseconds and its "after" is strict, so the point is the
   * millisecond before: on a clock that stands still, as in tests, every materialization falls in
   * that millisecond and would otherwise never count).
   */
  private void armWaits() {
    for (String path : watched) {
      if (!waits.containsKey(path)) {
        Instant after = seenUntil.computeIfAbsent(path, p -> Workflow.now().minusMillis(1));
        waits.put(path, AssetWorkflow.awaitMaterialized(AssetKey.of(path), after));
      }
    }
  }

  /**
   * Takes the ended waits: a materialization adds its asset to the changed ones; returns false if a
   * wait failed (recorded as a failed evaluation).
   */
  private boolean takeChanges() {
    boolean allWell = true;
    for (var it = waits.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Promise<AssetWaitResult>> wait = it.next();
      if (!wait.getValue().isDone()) {
        continue;
      }
      it.remove();
      String path = wait.getKey();
      RuntimeException failure = wait.getValue().getFailure();
      if (failure != null) {
        allWell = false;
        failures++;
        record(
            new SensorEvaluation(
                Workflow.now(),
                cursor,
                cursor,
                List.of(),
                null,
                Duration.ZERO,
                "waiting for a new materialization of "
                    + path
                    + " failed: "
                    + rootMessage(failure)));
        continue;
      }
      AssetWaitResult result = wait.getValue().get();
      if (result.materializedAt() != null) {
        seenUntil.put(path, result.materializedAt());
      }
      if (result.satisfied() && !changedAssets.contains(path)) {
        changedAssets.add(path);
      }
    }
    return allWell;
  }

  /** Sleeps until one (backed-off) interval after {@code base}, re-planning on each change. */
  private void awaitNextEvaluation(Instant base) {
    while (true) {
      if (paused) {
        nextEvaluationAt = null;
        Workflow.await(() -> !paused);
        base = Workflow.now();
      }
      nextEvaluationAt = base.plus(SensorBackoff.delay(interval, failures));
      Duration left = Duration.between(Workflow.now(), nextEvaluationAt);
      if (!left.isPositive()) {
        return;
      }
      int seen = changes;
      boolean changed = Workflow.await(left, () -> changes != seen);
      if (!changed && !paused) {
        return;
      }
    }
  }

  private void evaluate() {
    Instant at = Workflow.now();
    String before = cursor;
    EvaluationOutcome outcome;
    try {
      outcome =
          watched.isEmpty()
              ? evaluations.evaluate(name, before, at)
              : evaluations.evaluateChanges(name, before, at, List.copyOf(changedAssets));
    } catch (ActivityFailure e) {
      outcome =
          EvaluationOutcome.failed(
              "the evaluation did not complete: " + rootMessage(e),
              Duration.between(at, Workflow.now()));
    }
    List<SensorRequestOutcome> requests = new ArrayList<>();
    String error = outcome.error();
    if (error == null) {
      if (!outcome.keepsCursor()) {
        cursor = outcome.newCursor();
      }
      for (int i = 0; i < outcome.requests().size(); i++) {
        RunRequest request = outcome.requests().get(i);
        SensorRequestOutcome started = starts.start(name, request, at);
        requests.add(started);
        if (started.error() != null && error == null) {
          error = "request " + i + " ('" + request.dedupeKey() + "') failed: " + started.error();
        }
      }
    }
    failures = error == null ? 0 : failures + 1;
    if (error == null) {
      changedAssets.clear();
    }
    record(
        new SensorEvaluation(
            at, before, cursor, requests, outcome.skipReason(), outcome.duration(), error));
  }

  private void record(SensorEvaluation evaluation) {
    recent.add(evaluation);
    while (recent.size() > SensorState.KEPT_EVALUATIONS) {
      recent.remove(0);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  @Override
  public void define(Duration minimumInterval) {
    if (minimumInterval != null && !minimumInterval.equals(interval)) {
      interval = minimumInterval;
      changes++;
    }
  }

  @Override
  public void watch(List<String> assetPaths) {
    List<String> next = assetPaths == null ? List.of() : List.copyOf(assetPaths);
    if (!next.equals(watched)) {
      watched = next;
      waits.keySet().retainAll(next);
      seenUntil.keySet().retainAll(next);
      changedAssets.retainAll(next);
      changes++;
    }
  }

  @Override
  public void pause(String note) {
    paused = true;
    pauseNote = note;
    changes++;
  }

  @Override
  public void unpause() {
    paused = false;
    pauseNote = null;
    changes++;
  }

  @Override
  public void setCursor(String newCursor) {
    cursor = newCursor;
  }

  @Override
  public SensorDescription describe() {
    SensorStatus status =
        paused ? SensorStatus.PAUSED : failures > 0 ? SensorStatus.FAILING : SensorStatus.RUNNING;
    return new SensorDescription(
        name,
        status,
        pauseNote,
        interval,
        cursor,
        failures,
        paused ? null : nextEvaluationAt,
        recent,
        watched);
  }
}
