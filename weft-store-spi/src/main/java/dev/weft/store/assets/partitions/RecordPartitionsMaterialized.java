package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.util.List;

/**
 * Records that a compute materialized partitions of an asset: one {@code asset_history} entry (with
 * the partitions' index hull and {@code partitionText}), the partitions become {@link
 * PartitionStatus#MATERIALIZED} with its data version (their stale reasons, failure and run
 * cleared), and each cascade target becomes {@link PartitionStatus#STALE} where it is materialized
 * or stale. One transaction, under the namespace's catalog lock. Fails the batch (a conflict naming
 * it) when an asset is not in the namespace's graph.
 *
 * <pre>{@code
 * store.commit(Batch.of(new RecordPartitionsMaterialized(
 *     "default", "chain/blocks", IndexRangeSet.of(new IndexRange(1000, 2000)), "1000..1999",
 *     materialization, cascade.targets())));
 * }</pre>
 *
 * @param namespace the namespace
 * @param assetKey the asset
 * @param partitions the indexes materialized, never empty
 * @param partitionText the partitions as people read them ({@code 2024-01-01}, {@code 1000..1999}),
 *     kept in the history entry's {@code partition_key}
 * @param materialization what the compute produced
 * @param cascade the downstream partitions made stale (computed by {@code weft-assets}), at most
 *     one target per asset
 */
public record RecordPartitionsMaterialized(
    String namespace,
    String assetKey,
    IndexRangeSet partitions,
    String partitionText,
    PartitionMaterialization materialization,
    List<CascadeTarget> cascade)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace is blank, the key malformed, the partitions
   *     empty, or an asset repeated among the cascade targets
   */
  public RecordPartitionsMaterialized {
    PartitionFields.namespace(namespace);
    PartitionFields.asset("assetKey", assetKey);
    PartitionFields.ranges("partitions", assetKey, partitions);
    PartitionFields.nonNull("partitionText", assetKey, partitionText);
    PartitionFields.nonNull("materialization", assetKey, materialization);
    cascade = PartitionFields.distinct("cascade", cascade, CascadeTarget::assetKey);
  }

  /** The run that materialized the partitions; null when recorded outside a run. */
  @Override
  public String runId() {
    return materialization.runId();
  }
}
