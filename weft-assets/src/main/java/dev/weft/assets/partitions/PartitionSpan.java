package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.PartitionRangeState;

/**
 * A run of consecutive partitions of an asset in one status, with the keys of its ends.
 *
 * @param firstKey the key of its first partition (null when that index has no key now)
 * @param lastKey the key of its last partition (null likewise)
 * @param state the stored range: indexes, status, data version, reasons, failure, runs
 */
public record PartitionSpan(String firstKey, String lastKey, PartitionRangeState state) {

  /** How many partitions it holds. */
  public long size() {
    return state.range().size();
  }
}
