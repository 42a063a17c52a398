package dev.weft.assets.internal;

import dev.weft.assets.PartitionSelection;
import java.util.List;

/**
 * The input of the materialization workflow: the selection as written and its plan, steps in
 * dependency order.
 *
 * @param selection the selection, for the record
 * @param steps the steps, each after the steps it waits for; null when a workflow asks for the
 *     selection, which the materialization workflow then plans against the catalog (in a local
 *     activity, recorded in its history)
 * @param chunks for a partitioned materialization, its compute calls in dependency order (each
 *     after the chunks it reads); null for an unpartitioned one
 * @param maxConcurrentChunks how many chunks may run at once (0 for an unpartitioned one)
 * @param partitions for a partitioned materialization a workflow asks for (steps null): the
 *     partitions to plan with the selection; null otherwise
 */
public record MaterializeRequest(
    String selection,
    List<PlanStep> steps,
    List<PlanChunk> chunks,
    int maxConcurrentChunks,
    PartitionSelection partitions) {

  /** A planned request (no partitions left to plan). */
  public MaterializeRequest(
      String selection, List<PlanStep> steps, List<PlanChunk> chunks, int maxConcurrentChunks) {
    this(selection, steps, chunks, maxConcurrentChunks, null);
  }

  /** The request of an unpartitioned materialization (its recorded form has no chunks). */
  public MaterializeRequest(String selection, List<PlanStep> steps) {
    this(selection, steps, null, 0);
  }
}
