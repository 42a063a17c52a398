package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.SensorStatus;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SensorWorkflow}: up to {@link #EVALUATIONS_PER_RUN} evaluations per run (durable timer,
 * evaluation activity, starts, record), or fewer when the history reaches the engine's
 * continue-as-new suggestion, then continue-as-new with the state, so a history stays short
 * whatever the age of the sensor. Each run is a row in the workflows list: a one-second sensor that
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
  private final RequestStarts starts = new RequestStarts();

  private String name;
  private Duration interval;
  private boolean paused;
  private String pauseNote;
  private String cursor;
  private int failures;
  private final List<SensorEvaluation> recent = new ArrayList<>();
  private Instant nextEvaluationAt;
  private int changes;

  @Override
  public void run(SensorState state) {
    name = state.name();
    interval = state.minimumInterval();
    paused = state.paused();
    pauseNote = state.pauseNote();
    cursor = state.cursor();
    failures = state.consecutiveFailures();
    recent.addAll(state.recentEvaluations());
    Instant base = Workflow.now();
    for (int i = 0;
        i < EVALUATIONS_PER_RUN && !Workflow.getInfo().isContinueAsNewSuggested();
        i++) {
      awaitNextEvaluation(base);
      evaluate();
      base = Workflow.now();
    }
    Workflow.continueAsNew(
        new SensorState(name, interval, paused, pauseNote, cursor, failures, recent));
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
      outcome = evaluations.evaluate(name, before, at);
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
        recent);
  }
}
