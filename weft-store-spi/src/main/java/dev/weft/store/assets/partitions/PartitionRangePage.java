package dev.weft.store.assets.partitions;

import java.util.List;

/**
 * A page of ranges in one status.
 *
 * @param ranges in index order
 * @param nextPageToken for the next page; null on the last
 */
public record PartitionRangePage(List<PartitionRangeState> ranges, String nextPageToken) {

  /** Copies the ranges. */
  public PartitionRangePage {
    ranges = List.copyOf(ranges);
  }
}
