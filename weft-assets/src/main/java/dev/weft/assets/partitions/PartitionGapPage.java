package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import java.util.List;

/**
 * A page of an asset's missing partitions (the gaps between the ranges the catalog keeps, within
 * the partitions that exist now), in index order.
 *
 * @param gaps the runs of consecutive missing partitions
 * @param nextPageToken the token of the next page; null on the last page
 */
public record PartitionGapPage(List<Gap> gaps, String nextPageToken) {

  /** Copies the gaps. */
  public PartitionGapPage {
    gaps = List.copyOf(gaps);
  }

  /**
   * A run of consecutive missing partitions.
   *
   * @param range its indexes
   * @param firstKey the key of its first partition (null when that index has no key now)
   * @param lastKey the key of its last partition (null likewise)
   */
  public record Gap(IndexRange range, String firstKey, String lastKey) {}
}
