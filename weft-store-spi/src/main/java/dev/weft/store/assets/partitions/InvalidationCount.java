package dev.weft.store.assets.partitions;

/**
 * What an {@link InvalidatePartitions} did to one asset.
 *
 * @param assetKey the asset
 * @param partitionsMadeStale how many of its partitions went from materialized to stale (already
 *     stale ones only got the reason)
 */
public record InvalidationCount(String assetKey, long partitionsMadeStale) {}
