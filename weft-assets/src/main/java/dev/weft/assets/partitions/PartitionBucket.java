package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;

/**
 * One bucket of an asset's partition status bar: its indexes, its first and last key, and the count
 * of every status in it, so a bucket with one failure among 9,999 materialized partitions says so.
 *
 * @param range the bucket's indexes
 * @param firstKey the key of its first index (null when that index has no key now: a removed
 *     dynamic key)
 * @param lastKey the key of its last index (null likewise)
 * @param counts the counts of every status in it; missing counts only partitions that exist now
 */
public record PartitionBucket(
    IndexRange range, String firstKey, String lastKey, AssetPartitionCounts counts) {}
