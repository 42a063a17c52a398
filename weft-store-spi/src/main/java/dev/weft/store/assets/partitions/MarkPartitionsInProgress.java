package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Marks partitions of an asset {@link PartitionStatus#IN_PROGRESS} by a run (a backfill's claimed
 * chunk), keeping underneath what they were, so that {@link ReleasePartitionsInProgress} restores
 * it when the run ends without an outcome. A materialization or failure of the partitions replaces
 * it. Fails the batch (a conflict naming it) when the asset is not in the namespace's graph.
 *
 * @param namespace the namespace
 * @param assetKey the asset
 * @param partitions the indexes, never empty
 * @param runId the run materializing them
 * @param at when
 */
public record MarkPartitionsInProgress(
    String namespace, String assetKey, IndexRangeSet partitions, String runId, Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace or run ID is blank, the key malformed or the
   *     partitions empty
   */
  public MarkPartitionsInProgress {
    PartitionFields.namespace(namespace);
    PartitionFields.asset("assetKey", assetKey);
    PartitionFields.ranges("partitions", assetKey, partitions);
    PartitionFields.notBlank("runId", assetKey, runId);
    PartitionFields.nonNull("at", assetKey, at);
  }
}
