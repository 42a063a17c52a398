package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;

/**
 * Invalidates partitions and everything downstream of them, in one transaction: each target (the
 * root asset's and every downstream asset's, computed by {@code weft-assets}) becomes {@link
 * PartitionStatus#STALE} where it is materialized or stale, like a {@link CascadeTarget}. How many
 * partitions became stale per asset is recorded under {@code invalidationId} and read with {@link
 * PartitionStatusReader#invalidation}. Fails the batch (a conflict naming it) when an asset is not
 * in the namespace's graph or the ID was used before.
 *
 * <pre>{@code
 * store.commit(Batch.of(new InvalidatePartitions("default", "reorg-19000000", List.of(
 *     new CascadeTarget("chain/blocks", blocks, reason),
 *     new CascadeTarget("chain/txs", blocks, StaleReason.upstreamStale("chain/blocks", "chain/blocks"))),
 *     now)));
 * }</pre>
 *
 * @param namespace the namespace
 * @param invalidationId a new ID for this invalidation (the caller's: a workflow ID, a UUID)
 * @param targets the root first, then each downstream asset, at most one target per asset, at least
 *     one
 * @param at when
 */
public record InvalidatePartitions(
    String namespace, String invalidationId, List<CascadeTarget> targets, Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace or ID is blank, there is no target, or an
   *     asset is repeated
   */
  public InvalidatePartitions {
    PartitionFields.namespace(namespace);
    PartitionFields.notBlank("invalidationId", null, invalidationId);
    targets = PartitionFields.distinct("targets", targets, CascadeTarget::assetKey);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          "targets of invalidation " + invalidationId + " is empty: expected the root asset's");
    }
    PartitionFields.nonNull("at", null, at);
  }

  /** Null: it belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
