package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.StatusBar;
import java.util.ArrayList;
import java.util.List;

/**
 * Buckets stored ranges into a {@link StatusBar}: a window of {@code size} partitions in {@code n}
 * buckets (at most one per partition) of {@code size / n} partitions, the first {@code size % n}
 * one bigger. Linear in ranges plus buckets.
 */
final class StatusBars {
  private StatusBars() {}

  static StatusBar of(IndexRange window, int buckets, StatusSpans spans) {
    long size = window.size();
    int n = (int) Math.min(buckets, size);
    long base = size / n;
    long extra = size % n;
    long[][] counts = new long[n][PartitionStatus.values().length];
    for (int i = 0; i < spans.size(); i++) {
      long start = spans.start(i);
      long end = spans.end(i);
      int status = spans.statusOrdinal(i);
      int bucket = bucketOf(start - window.start(), base, extra);
      while (start < end) {
        long bucketEnd = window.start() + startOf(bucket + 1, base, extra);
        long stop = Math.min(end, bucketEnd);
        counts[bucket][status] += stop - start;
        start = stop;
        bucket++;
      }
    }
    List<StatusBar.Bucket> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long[] c = counts[i];
      out.add(
          new StatusBar.Bucket(
              new IndexRange(
                  window.start() + startOf(i, base, extra),
                  window.start() + startOf(i + 1, base, extra)),
              new PartitionCounts(
                  c[PartitionStatus.MATERIALIZED.ordinal()],
                  c[PartitionStatus.STALE.ordinal()],
                  c[PartitionStatus.FAILED.ordinal()],
                  c[PartitionStatus.IN_PROGRESS.ordinal()])));
    }
    return new StatusBar(window, out);
  }

  /** The offset of bucket {@code i} from the window's start. */
  private static long startOf(long i, long base, long extra) {
    return i * base + Math.min(i, extra);
  }

  /** The bucket holding the partition at {@code offset} from the window's start. */
  private static int bucketOf(long offset, long base, long extra) {
    long big = extra * (base + 1);
    return (int) (offset < big ? offset / (base + 1) : extra + (offset - big) / base);
  }
}
