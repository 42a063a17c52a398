package dev.weft.assets.internal;

import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each step as a workflow thread that waits for its upstream steps, so independent steps run
 * in parallel and a step runs as soon as its last upstream is done. A step whose upstream failed,
 * was skipped or failed a blocking check is skipped, with the reason. A request without steps (from
 * a workflow, which cannot read the catalog) is planned first in a local activity.
 */
public final class ParallelMaterializeWorkflow implements MaterializeWorkflow {
  private final MaterializeActivities recorder =
      Workflow.newActivityStub(MaterializeActivities.class, BuiltInStubOptions.RECORDING);

  private final MaterializePlanning planning =
      Workflow.newLocalActivityStub(
          MaterializePlanning.class, BuiltInStubOptions.planning(Duration.ofSeconds(30)));

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
    int limit = request.maxConcurrentChunks();
    List<Promise<StepOutcome>> chunks =
        ChunkThreads.start(
            request, (position, step, chunk, upstream) -> runChunk(step, chunk, upstream, limit));
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
    Optional<StepOutcome> blocking = ChunkThreads.firstBlocking(upstream);
    if (blocking.isPresent()) {
      return ChunkThreads.skipped(step, chunk, ChunkThreads.skippedAfter(blocking.get()));
    }
    Workflow.await(() -> runningChunks < limit);
    runningChunks++;
    try {
      return compute(step).materializePartitions(step.name(), chunk.start(), chunk.end());
    } catch (ActivityFailure failure) {
      if (cancelled(failure)) {
        throw failure;
      }
      ComputeFailure f = ComputeFailure.of(failure);
      if ("PartitionKeyException".equals(f.type())) {
        f =
            new ComputeFailure(
                f.type(), "partitions " + chunk.text() + " as planned: " + f.message());
      }
      recorder.recordPartitionsFailure(
          step.name(), chunk.start(), chunk.end(), f.type(), f.message());
      return ChunkThreads.failed(step, chunk, f);
    } finally {
      runningChunks--;
    }
  }

  private static MaterializeActivities compute(PlanStep step) {
    return Workflow.newActivityStub(MaterializeActivities.class, step.activityOptions(step.name()));
  }

  private StepOutcome runStep(PlanStep step, List<Promise<StepOutcome>> upstream) {
    for (Promise<StepOutcome> p : upstream) {
      StepOutcome up = p.get();
      if (!up.letsDownstreamRun()) {
        String why =
            up.failedBlockingChecks().isEmpty()
                ? ChunkThreads.skippedAfter(up)
                : "upstream "
                    + up.name()
                    + " failed blocking check(s) "
                    + up.failedBlockingChecks();
        return new StepOutcome(step.name(), step.keys(), "SKIPPED", null, why, List.of());
      }
    }
    try {
      return compute(step).materialize(step.name());
    } catch (ActivityFailure failure) {
      ComputeFailure f = ComputeFailure.of(failure);
      recorder.recordFailure(step.name(), f.type(), f.message());
      return new StepOutcome(step.name(), step.keys(), "FAILED", f.type(), f.message(), List.of());
    }
  }
}
