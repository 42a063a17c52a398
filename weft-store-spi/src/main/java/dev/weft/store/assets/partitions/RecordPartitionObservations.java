package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;

/**
 * Records observed data versions of partitions of an observable source: each observed partition
 * becomes {@link PartitionStatus#MATERIALIZED} with its version (no history entry), and the cascade
 * targets (the dependents of the partitions whose version changed, computed by {@code weft-assets})
 * become stale. Conditional: if the stored version of any partition is not its {@code
 * expectedVersion}, the batch fails with a conflict naming the asset, the partition and both
 * versions, and nothing is applied (re-read, recompute the cascade, retry).
 *
 * @param namespace the namespace
 * @param assetKey the source asset
 * @param observations one per partition, at least one
 * @param cascade the stale targets, at most one per asset
 * @param at when observed
 */
public record RecordPartitionObservations(
    String namespace,
    String assetKey,
    List<PartitionObservation> observations,
    List<CascadeTarget> cascade,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace is blank, the key malformed, there is no
   *     observation, a partition is observed twice or an asset repeated among the cascade targets
   */
  public RecordPartitionObservations {
    PartitionFields.namespace(namespace);
    PartitionFields.asset("assetKey", assetKey);
    observations =
        PartitionFields.distinct(
            "observations (of asset " + assetKey + ")", observations, PartitionObservation::index);
    if (observations.isEmpty()) {
      throw new IllegalArgumentException(
          "observations (of asset " + assetKey + ") is empty: expected at least one");
    }
    cascade = PartitionFields.distinct("cascade", cascade, CascadeTarget::assetKey);
    PartitionFields.nonNull("at", assetKey, at);
  }

  /** Null: an observation belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
