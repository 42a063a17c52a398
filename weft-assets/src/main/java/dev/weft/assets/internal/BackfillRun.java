package dev.weft.assets.internal;

import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BackfillWorkflow}: one window per run. Each chunk of the window is a workflow thread that
 * waits for the upstream chunks it reads, then for a free slot ({@code maxConcurrentRuns}) while
 * the backfill is not paused; a chunk whose upstream did not materialize is recorded SKIPPED, and
 * so is, at once, a chunk the window's plan lists as reading a partition that did not materialize
 * in an earlier window ({@link BackfillWindow#skipped}). Once the window's chunks ended it
 * continues as new with the next window, or ends the backfill. The signals make it stop starting
 * chunks at once; the chunk activity also reads the row and holds a chunk back when the row is
 * paused or canceling, so a signal that arrives late never lets a chunk run after the API call
 * returned.
 */
public final class BackfillRun implements BackfillWorkflow {
  private static final String NOT_RUN = "NOT_RUN";
  private static final Duration HELD_POLL = Duration.ofSeconds(30);

  private final BackfillActivities recorder =
      Workflow.newActivityStub(BackfillActivities.class, BuiltInStubOptions.RECORDING);

  private final BackfillPlanning planning =
      Workflow.newLocalActivityStub(
          BackfillPlanning.class, BuiltInStubOptions.planning(Duration.ofSeconds(60)));

  private boolean paused;
  private boolean canceling;
  private int running;

  @Override
  public void run(BackfillInput input) {
    BackfillWindow window = plan(input);
    paused = paused || "PAUSED".equals(window.status());
    canceling = canceling || "CANCELING".equals(window.status());
    if (window.request() == null) {
      if (canceling) {
        recorder.finish(input.backfillId(), "CANCELED");
      }
      return;
    }
    runChunks(input.backfillId(), window.request(), window.skipped());
    if (canceling) {
      recorder.finish(input.backfillId(), "CANCELED");
    } else if (window.nextOffset() < 0) {
      recorder.finish(input.backfillId(), null);
    } else {
      Workflow.continueAsNew(new BackfillInput(input.backfillId(), window.nextOffset()));
    }
  }

  private BackfillWindow plan(BackfillInput input) {
    try {
      return planning.window(input.backfillId(), input.offset());
    } catch (ActivityFailure failure) {
      recorder.finish(input.backfillId(), "FAILED");
      if (failure.getCause() instanceof ApplicationFailure app) {
        throw new ApplicationFailure(app.getMessage(), app.getType(), true, null);
      }
      throw failure;
    }
  }

  private void runChunks(
      String backfillId, MaterializeRequest request, Map<Integer, String> skipped) {
    int limit = request.maxConcurrentChunks();
    ChunkThreads.start(
            request,
            (position, step, chunk, upstream) ->
                skipped.containsKey(position)
                    ? skip(backfillId, step, chunk, skipped.get(position))
                    : runChunk(backfillId, step, chunk, upstream, limit))
        .forEach(Promise::get);
  }

  private StepOutcome runChunk(
      String backfillId,
      PlanStep step,
      PlanChunk chunk,
      List<Promise<StepOutcome>> upstream,
      int limit) {
    Optional<StepOutcome> blocking = ChunkThreads.firstBlocking(upstream);
    if (blocking.isPresent()) {
      return NOT_RUN.equals(blocking.get().status())
          ? notRun(step, chunk)
          : skip(backfillId, step, chunk, ChunkThreads.skippedAfter(blocking.get()));
    }
    boolean held = false;
    while (true) {
      if (held) {
        // the row said paused: look at it again now and then, in case the resume signal came first
        Workflow.await(HELD_POLL, () -> canceling || (!paused && running < limit));
        Workflow.await(() -> canceling || running < limit);
      } else {
        Workflow.await(() -> canceling || (!paused && running < limit));
      }
      if (canceling) {
        return notRun(step, chunk);
      }
      StepOutcome outcome = runOnce(backfillId, step, chunk);
      boolean wasHeld = held;
      held = outcome.status().startsWith(BackfillSteps.HELD_PREFIX);
      if (!held) {
        if (wasHeld) {
          paused = false; // the row is running again: its resume signal came before the hold
        }
        return outcome;
      }
      if (outcome.status().equals(BackfillSteps.HELD_PREFIX + "PAUSED")) {
        paused = true;
      } else {
        canceling = true;
      }
    }
  }

  /** Records the chunk SKIPPED, with why, without running it. */
  private StepOutcome skip(String backfillId, PlanStep step, PlanChunk chunk, String why) {
    recorder.recordSkipped(backfillId, step.name(), chunk.start(), chunk.end(), why);
    return ChunkThreads.skipped(step, chunk, why);
  }

  /** Runs the chunk's compute once a slot is free; a failure is recorded. */
  private StepOutcome runOnce(String backfillId, PlanStep step, PlanChunk chunk) {
    running++;
    try {
      return compute(step).materializeChunk(backfillId, step.name(), chunk.start(), chunk.end());
    } catch (ActivityFailure failure) {
      ComputeFailure f = ComputeFailure.of(failure);
      recorder.recordFailure(
          backfillId, step.name(), chunk.start(), chunk.end(), f.type(), f.message());
      return ChunkThreads.failed(step, chunk, f);
    } finally {
      running--;
    }
  }

  private static StepOutcome notRun(PlanStep step, PlanChunk chunk) {
    return new StepOutcome(chunk.text(), step.keys(), NOT_RUN, null, "canceled", List.of());
  }

  private static BackfillActivities compute(PlanStep step) {
    return Workflow.newActivityStub(
        BackfillActivities.class, step.activityOptions(step.name() + " " + "backfill"));
  }

  @Override
  public void pause() {
    paused = true;
  }

  @Override
  public void resume() {
    paused = false;
  }

  @Override
  public void cancel() {
    canceling = true;
  }
}
