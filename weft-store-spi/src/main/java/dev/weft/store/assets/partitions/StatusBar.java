package dev.weft.store.assets.partitions;

import java.util.List;

/**
 * The status bar of an asset over an index window: the window cut into equal buckets (the first
 * ones one partition bigger when the size does not divide), each with the counts of every kept
 * status, so a bucket with one failure among 9,999 materialized partitions says so.
 *
 * @param window the window read
 * @param buckets the buckets in index order, covering the window
 */
public record StatusBar(IndexRange window, List<Bucket> buckets) {

  /** Copies the buckets. */
  public StatusBar {
    buckets = List.copyOf(buckets);
  }

  /**
   * One bucket.
   *
   * @param range its indexes
   * @param counts the counts of each kept status in it; missing = size - kept
   */
  public record Bucket(IndexRange range, PartitionCounts counts) {

    /** How many of its partitions no range covers. */
    public long missing() {
      return range.size() - counts.kept();
    }
  }
}
