package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Ends a run's {@link MarkPartitionsInProgress} without an outcome (cancelled, ended, retried
 * elsewhere): where the partitions are still in progress by {@code runId}, they go back to what
 * they were before (missing if nothing). Partitions another run took over, or that got an outcome,
 * are left alone. Unconditional.
 *
 * @param namespace the namespace
 * @param assetKey the asset
 * @param partitions the indexes, never empty
 * @param runId the run whose marks end
 * @param at when
 */
public record ReleasePartitionsInProgress(
    String namespace, String assetKey, IndexRangeSet partitions, String runId, Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace or run ID is blank, the key malformed or the
   *     partitions empty
   */
  public ReleasePartitionsInProgress {
    PartitionFields.namespace(namespace);
    PartitionFields.asset("assetKey", assetKey);
    PartitionFields.ranges("partitions", assetKey, partitions);
    PartitionFields.notBlank("runId", assetKey, runId);
    PartitionFields.nonNull("at", assetKey, at);
  }
}
