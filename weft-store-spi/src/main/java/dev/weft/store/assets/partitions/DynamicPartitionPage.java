package dev.weft.store.assets.partitions;

import java.util.List;

/**
 * A page of a dynamic definition's keys.
 *
 * @param partitions by index
 * @param nextPageToken for the next page; null on the last
 */
public record DynamicPartitionPage(List<DynamicPartition> partitions, String nextPageToken) {

  /** Copies the partitions. */
  public DynamicPartitionPage {
    partitions = List.copyOf(partitions);
  }
}
