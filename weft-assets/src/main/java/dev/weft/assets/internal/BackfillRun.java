package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link BackfillWorkflow}: one window per run. Each chunk of the window is a workflow thread that
 * waits for the upstream chunks it reads, then for a free slot ({@code maxConcurrentRuns}) while
 * the backfill is not paused; a chunk whose upstream did not materialize is recorded SKIPPED. Once
 * the window's chunks ended it continues as new with the next window, or ends the backfill. The
 * signals make it stop starting chunks at once; the chunk activity also reads the row and holds a
 * chunk back when the row is paused or canceling, so a signal that arrives late never lets a chunk
 * run after the API call returned.
 */
public final class BackfillRun implements BackfillWorkflow {
  private static final String NOT_RUN = "NOT_RUN";
  private static final Duration HELD_POLL = Duration.ofSeconds(30);

  private final BackfillActivities recorder =
      Workflow.newActivityStub(
          BackfillActivities.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build())
              .build());

  private final BackfillPlanning planning =
      Workflow.newLocalActivityStub(
          BackfillPlanning.class,
          LocalActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofSeconds(60))
              .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(3).build())
              .build());

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
    Map<String, PlanStep> byName = new LinkedHashMap<>();
    request.steps().forEach(s -> byName.put(s.name(), s));
    List<Promise<StepOutcome>> chunks = new ArrayList<>();
    for (PlanChunk chunk : request.chunks()) {
      List<Promise<StepOutcome>> upstream = new ArrayList<>();
      chunk.after().forEach(i -> upstream.add(chunks.get(i)));
      PlanStep step = byName.get(chunk.step());
      int limit = request.maxConcurrentChunks();
      String skip = skipped.get(chunks.size());
      chunks.add(
          Workflow.async(
              () ->
                  skip != null
                      ? skip(backfillId, step, chunk, skip)
                      : runChunk(backfillId, step, chunk, upstream, limit)));
    }
    chunks.forEach(Promise::get);
  }

  private StepOutcome runChunk(
      String backfillId,
      PlanStep step,
      PlanChunk chunk,
      List<Promise<StepOutcome>> upstream,
      int limit) {
    for (Promise<StepOutcome> p : upstream) {
      StepOutcome up = p.get();
      if (NOT_RUN.equals(up.status())) {
        return notRun(step, chunk);
      }
      if (!up.letsDownstreamRun()) {
        return skip(
            backfillId,
            step,
            chunk,
            "upstream " + up.name() + " " + up.status().toLowerCase(Locale.ROOT));
      }
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
    return new StepOutcome(chunk.text(), step.keys(), "SKIPPED", null, why, List.of());
  }

  /** Runs the chunk's compute once a slot is free; a failure is recorded. */
  private StepOutcome runOnce(String backfillId, PlanStep step, PlanChunk chunk) {
    running++;
    try {
      return compute(step).materializeChunk(backfillId, step.name(), chunk.start(), chunk.end());
    } catch (ActivityFailure failure) {
      String type =
          failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ActivityFailure";
      String message =
          failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
      recorder.recordFailure(backfillId, step.name(), chunk.start(), chunk.end(), type, message);
      return new StepOutcome(chunk.text(), step.keys(), "FAILED", type, message, List.of());
    } finally {
      running--;
    }
  }

  private static StepOutcome notRun(PlanStep step, PlanChunk chunk) {
    return new StepOutcome(chunk.text(), step.keys(), NOT_RUN, null, "canceled", List.of());
  }

  private static BackfillActivities compute(PlanStep step) {
    return Workflow.newActivityStub(
        BackfillActivities.class,
        ActivityOptions.newBuilder()
            .startToCloseTimeout(step.startToCloseTimeout())
            .scheduleToCloseTimeout(step.scheduleToCloseTimeout())
            .retryPolicy(step.retryPolicy())
            .summary(step.name() + " " + "backfill")
            .build());
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
