package dev.weft.assets.internal;

import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a plan's chunks as workflow threads, in plan order, each handed the outcomes of the
 * upstream chunks it reads; shared by partitioned materializations ({@link
 * ParallelMaterializeWorkflow}) and backfills ({@link BackfillRun}), so both wait for and skip
 * after their upstream chunks the same way. Workflow code: runs on the workflow's thread.
 */
final class ChunkThreads {
  private ChunkThreads() {}

  /** What a workflow does with one chunk. */
  interface Body {
    /**
     * Runs the chunk at {@code position} of the plan once its thread starts.
     *
     * @param upstream the outcomes of the chunks it reads, in the order the plan lists them
     */
    StepOutcome run(
        int position, PlanStep step, PlanChunk chunk, List<Promise<StepOutcome>> upstream);
  }

  /** Starts a thread per chunk of {@code request}; returns their outcomes, in plan order. */
  static List<Promise<StepOutcome>> start(MaterializeRequest request, Body body) {
    Map<String, PlanStep> byName = new LinkedHashMap<>();
    request.steps().forEach(s -> byName.put(s.name(), s));
    List<Promise<StepOutcome>> chunks = new ArrayList<>();
    for (PlanChunk chunk : request.chunks()) {
      List<Promise<StepOutcome>> upstream = new ArrayList<>();
      chunk.after().forEach(i -> upstream.add(chunks.get(i)));
      PlanStep step = byName.get(chunk.step());
      int position = chunks.size();
      chunks.add(Workflow.async(() -> body.run(position, step, chunk, upstream)));
    }
    return chunks;
  }

  /**
   * Waits for the upstream outcomes in order and returns the first that does not let its downstream
   * run (failed, skipped, not run, or a failed blocking check); empty when all do.
   */
  static Optional<StepOutcome> firstBlocking(List<Promise<StepOutcome>> upstream) {
    for (Promise<StepOutcome> p : upstream) {
      StepOutcome up = p.get();
      if (!up.letsDownstreamRun()) {
        return Optional.of(up);
      }
    }
    return Optional.empty();
  }

  /** Why a chunk is skipped after {@code up}: {@code upstream 2024-01-15 failed}. */
  static String skippedAfter(StepOutcome up) {
    return "upstream " + up.name() + " " + up.status().toLowerCase(Locale.ROOT);
  }

  /** The outcome of a chunk skipped, with why. */
  static StepOutcome skipped(PlanStep step, PlanChunk chunk, String why) {
    return new StepOutcome(chunk.text(), step.keys(), "SKIPPED", null, why, List.of());
  }

  /** The outcome of a chunk whose compute failed after its retries. */
  static StepOutcome failed(PlanStep step, PlanChunk chunk, ComputeFailure failure) {
    return new StepOutcome(
        chunk.text(), step.keys(), "FAILED", failure.type(), failure.message(), List.of());
  }
}
