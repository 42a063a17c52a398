package dev.weft.store.assets.partitions;

import dev.weft.store.assets.StaleReason;

/**
 * Partitions of an asset a change reaches, computed by {@code weft-assets} from its graph and
 * partition mappings ({@code PartitionCascade}): the store marks them {@link PartitionStatus#STALE}
 * where they are {@link PartitionStatus#MATERIALIZED} (already stale ones get the reason too: a
 * reason of the same kind about the same upstream is replaced) and leaves every other status alone.
 * The store never interprets a mapping.
 *
 * @param assetKey the downstream asset
 * @param partitions the indexes reached, never empty
 * @param reason why they are stale
 */
public record CascadeTarget(String assetKey, IndexRangeSet partitions, StaleReason reason) {

  /**
   * Validates the target.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the key is malformed or the partitions are empty
   */
  public CascadeTarget {
    PartitionFields.asset("assetKey", assetKey);
    PartitionFields.ranges("partitions", assetKey, partitions);
    PartitionFields.nonNull("reason", assetKey, reason);
  }
}
