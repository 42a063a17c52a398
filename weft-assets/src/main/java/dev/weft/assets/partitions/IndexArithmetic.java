package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;

/** Range arithmetic of the built-in mappings: per range, saturating at 0 and Long.MAX_VALUE. */
final class IndexArithmetic {
  private IndexArithmetic() {}

  /** Adds {@code by} to every index; what falls below 0 is dropped; MAX stays MAX. */
  static IndexRangeSet shift(IndexRangeSet set, long by) {
    if (by == 0) {
      return set;
    }
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : set.ranges()) {
      add(
          out,
          saturatedAdd(r.start(), by),
          r.end() == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(r.end(), by));
    }
    return IndexRangeSet.of(out);
  }

  /** Adds {@code [start, end)} clamped to {@code [0, MAX)} when not empty. */
  static void add(List<IndexRange> out, long start, long end) {
    long s = Math.max(start, 0);
    if (s < end) {
      out.add(new IndexRange(s, end));
    }
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  static long saturatedTimes(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The last {@code n} indexes of {@code set}. */
  static IndexRangeSet last(IndexRangeSet set, long n) {
    List<IndexRange> ranges = set.ranges();
    List<IndexRange> out = new ArrayList<>();
    long left = n;
    for (int i = ranges.size() - 1; i >= 0 && left > 0; i--) {
      IndexRange r = ranges.get(i);
      long take = Math.min(left, r.size());
      out.add(new IndexRange(r.end() - take, r.end()));
      left -= take;
    }
    return IndexRangeSet.of(out);
  }

  /**
   * The set {@code {h * weight + l : h in high, l in low}} where {@code low} lies in {@code [0,
   * weight)}: one range per range of {@code high} when {@code low} is all of {@code [0, weight)},
   * else one per value of {@code high} and range of {@code low}.
   */
  static IndexRangeSet product(IndexRangeSet high, IndexRangeSet low, long weight) {
    boolean lowFull = low.equals(IndexRangeSet.of(new IndexRange(0, weight)));
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange h : high.ranges()) {
      if (lowFull) {
        add(out, saturatedTimes(h.start(), weight), saturatedTimes(h.end(), weight));
        continue;
      }
      for (long v = h.start(); v < h.end(); v++) {
        for (IndexRange l : low.ranges()) {
          out.add(new IndexRange(v * weight + l.start(), v * weight + l.end()));
        }
      }
    }
    return IndexRangeSet.of(out);
  }
}
