package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Records that materializing partitions of an asset failed: one {@code asset_history} entry and the
 * partitions become {@link PartitionStatus#FAILED} with the failure, keeping the data version and
 * stale reasons they had (downstream still reads the previous good data). Downstream statuses do
 * not change. Fails the batch (a conflict naming it) when the asset is not in the namespace's
 * graph.
 *
 * @param namespace the namespace
 * @param assetKey the asset
 * @param partitions the indexes that failed, never empty
 * @param partitionText the partitions as people read them, kept in the history entry
 * @param runId the run that failed; null when recorded outside a run
 * @param errorType the failure's type (an exception class name)
 * @param message the failure's message (may be empty)
 * @param at when it failed
 */
public record RecordPartitionsFailed(
    String namespace,
    String assetKey,
    IndexRangeSet partitions,
    String partitionText,
    String runId,
    String errorType,
    String message,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if the namespace, run ID or error type is blank, the key
   *     malformed or the partitions empty
   */
  public RecordPartitionsFailed {
    PartitionFields.namespace(namespace);
    PartitionFields.asset("assetKey", assetKey);
    PartitionFields.ranges("partitions", assetKey, partitions);
    PartitionFields.nonNull("partitionText", assetKey, partitionText);
    PartitionFields.nullOrNotBlank("runId", assetKey, runId);
    PartitionFields.notBlank("errorType", assetKey, errorType);
    PartitionFields.nonNull("message", assetKey, message);
    PartitionFields.nonNull("at", assetKey, at);
  }
}
