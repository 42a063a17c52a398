package dev.weft.assets.internal;

/**
 * Resolves a partition key of an asset to its index in the asset's partitions definition (the
 * catalog keeps partition status by index), as of now, with the catalog's dynamic keys.
 */
@FunctionalInterface
public interface PartitionIndexer {

  /**
   * Returns the index of {@code partitionKey} of asset {@code assetKey}.
   *
   * @throws IllegalArgumentException naming the asset when it is unknown or not partitioned
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition when
   *     the key is not one of the definition's
   */
  long index(String assetKey, String partitionKey);
}
