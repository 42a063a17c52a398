package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs each step as a workflow thread that waits for its upstream steps, so independent steps run
 * in parallel and a step runs as soon as its last upstream is done. A step whose upstream failed,
 * was skipped or failed a blocking check is skipped, with the reason. A request without steps (from
 * a workflow, which cannot read the catalog) is planned first in a local activity.
 */
public final class ParallelMaterializeWorkflow implements MaterializeWorkflow {
  private final MaterializeActivities recorder =
      Workflow.newActivityStub(
          MaterializeActivities.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build())
              .build());

  private final MaterializePlanning planning =
      Workflow.newLocalActivityStub(
          MaterializePlanning.class,
          LocalActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofSeconds(30))
              .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(3).build())
              .build());

  private int runningChunks;

  @Override
  public MaterializeOutcome run(MaterializeRequest request) {
    if (request.steps() == null) {
      request = request.partitions() == null ? plan(request.selection()) : planPartitions(request);
    }
    if (request.chunks() != null) {
      try {
        return runChunks(request);
      } catch (RuntimeException e) {
        if (cancelled(e)) {
          releaseClaims(request.chunks());
        }
        throw e;
      }
    }
    Map<String, Promise<StepOutcome>> steps = new LinkedHashMap<>();
    for (PlanStep step : request.steps()) {
      List<Promise<StepOutcome>> upstream = new ArrayList<>();
      step.after().forEach(name -> upstream.add(steps.get(name)));
      steps.put(step.name(), Workflow.async(() -> runStep(step, upstream)));
    }
    List<StepOutcome> outcomes = new ArrayList<>();
    steps.values().forEach(p -> outcomes.add(p.get()));
    return new MaterializeOutcome(outcomes);
  }

  /**
   * Plans a selection given without a plan (a workflow's request) in a local activity, recorded
   * once; a selection the catalog refuses fails this run with the planner's failure type.
   */
  private MaterializeRequest plan(String selection) {
    try {
      return planning.plan(selection);
    } catch (ActivityFailure failure) {
      throw planFailure(failure);
    }
  }

  /** Plans a workflow's partitioned request the same way, chunks included. */
  private MaterializeRequest planPartitions(MaterializeRequest request) {
    try {
      return planning.planPartitions(
          request.selection(), request.partitions(), request.maxConcurrentChunks());
    } catch (ActivityFailure failure) {
      throw planFailure(failure);
    }
  }

  private static RuntimeException planFailure(ActivityFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure app) {
      return new ApplicationFailure(app.getMessage(), app.getType(), true, null);
    }
    return failure;
  }

  /**
   * Runs each chunk as a workflow thread that waits for the upstream chunks it reads; a chunk whose
   * upstream chunk did not materialize is skipped, and a failed chunk holds back only its own
   * downstream chunks. One outcome per step: MATERIALIZED when every chunk did, else FAILED (some
   * chunk failed) or SKIPPED, with the partitions that did not materialize.
   */
  private MaterializeOutcome runChunks(MaterializeRequest request) {
    Map<String, PlanStep> byName = new LinkedHashMap<>();
    request.steps().forEach(s -> byName.put(s.name(), s));
    List<Promise<StepOutcome>> chunks = new ArrayList<>();
    for (PlanChunk chunk : request.chunks()) {
      List<Promise<StepOutcome>> upstream = new ArrayList<>();
      chunk.after().forEach(i -> upstream.add(chunks.get(i)));
      PlanStep step = byName.get(chunk.step());
      int limit = request.maxConcurrentChunks();
      chunks.add(Workflow.async(() -> runChunk(step, chunk, upstream, limit)));
    }
    Map<String, List<StepOutcome>> perStep = new LinkedHashMap<>();
    request.steps().forEach(s -> perStep.put(s.name(), new ArrayList<>()));
    for (int i = 0; i < chunks.size(); i++) {
      perStep.get(request.chunks().get(i).step()).add(chunks.get(i).get());
    }
    List<StepOutcome> outcomes = new ArrayList<>();
    for (PlanStep step : request.steps()) {
      outcomes.add(StepOutcome.ofChunks(step.name(), step.keys(), perStep.get(step.name())));
    }
    return new MaterializeOutcome(outcomes);
  }

  /**
   * Gives back, in a scope the cancellation does not reach, the claims this run holds on its
   * chunks' partitions: a cancelled run leaves them with the status they had before it.
   */
  private void releaseClaims(List<PlanChunk> chunks) {
    Workflow.newDetachedCancellationScope(() -> recorder.releasePartitions(chunks)).run();
  }

  private static boolean cancelled(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CanceledFailure) {
        return true;
      }
    }
    return false;
  }

  private StepOutcome runChunk(
      PlanStep step, PlanChunk chunk, List<Promise<StepOutcome>> upstream, int limit) {
    for (Promise<StepOutcome> p : upstream) {
      StepOutcome up = p.get();
      if (!up.letsDownstreamRun()) {
        return new StepOutcome(
            chunk.text(),
            step.keys(),
            "SKIPPED",
            null,
            "upstream " + up.name() + " " + up.status().toLowerCase(Locale.ROOT),
            List.of());
      }
    }
    Workflow.await(() -> runningChunks < limit);
    runningChunks++;
    try {
      return compute(step).materializePartitions(step.name(), chunk.start(), chunk.end());
    } catch (ActivityFailure failure) {
      if (cancelled(failure)) {
        throw failure;
      }
      String type =
          failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ActivityFailure";
      String message =
          failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
      if ("PartitionKeyException".equals(type)) {
        message = "partitions " + chunk.text() + " as planned: " + message;
      }
      recorder.recordPartitionsFailure(step.name(), chunk.start(), chunk.end(), type, message);
      return new StepOutcome(chunk.text(), step.keys(), "FAILED", type, message, List.of());
    } finally {
      runningChunks--;
    }
  }

  private static MaterializeActivities compute(PlanStep step) {
    return Workflow.newActivityStub(
        MaterializeActivities.class,
        ActivityOptions.newBuilder()
            .startToCloseTimeout(step.startToCloseTimeout())
            .scheduleToCloseTimeout(step.scheduleToCloseTimeout())
            .retryPolicy(step.retryPolicy())
            .summary(step.name())
            .build());
  }

  private StepOutcome runStep(PlanStep step, List<Promise<StepOutcome>> upstream) {
    for (Promise<StepOutcome> p : upstream) {
      StepOutcome up = p.get();
      if (!up.letsDownstreamRun()) {
        String why =
            up.failedBlockingChecks().isEmpty()
                ? "upstream " + up.name() + " " + up.status().toLowerCase(Locale.ROOT)
                : "upstream "
                    + up.name()
                    + " failed blocking check(s) "
                    + up.failedBlockingChecks();
        return new StepOutcome(step.name(), step.keys(), "SKIPPED", null, why, List.of());
      }
    }
    MaterializeActivities compute =
        Workflow.newActivityStub(
            MaterializeActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(step.startToCloseTimeout())
                .scheduleToCloseTimeout(step.scheduleToCloseTimeout())
                .retryPolicy(step.retryPolicy())
                .summary(step.name())
                .build());
    try {
      return compute.materialize(step.name());
    } catch (ActivityFailure failure) {
      String type =
          failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ActivityFailure";
      String message =
          failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
      recorder.recordFailure(step.name(), type, message);
      return new StepOutcome(step.name(), step.keys(), "FAILED", type, message, List.of());
    }
  }
}
