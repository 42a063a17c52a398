package dev.weft.store.assets.partitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of partition indexes kept as sorted, disjoint, non-touching ranges (adjacent
 * ranges are merged), so 10,000,000 partitions materialized in chunks are usually one range. The
 * set algebra (union, intersection, difference) runs in time linear in the number of ranges, never
 * in the number of partitions.
 *
 * <p>Thread-safe: instances never change.
 */
public final class IndexRangeSet {

  private static final IndexRangeSet EMPTY = new IndexRangeSet(new IndexRange[0]);

  private final IndexRange[] ranges;

  private IndexRangeSet(IndexRange[] normalized) {
    this.ranges = normalized;
  }

  /** The set with no index. */
  public static IndexRangeSet empty() {
    return EMPTY;
  }

  /** The set of the indexes of {@code ranges}, which may overlap, touch or come in any order. */
  public static IndexRangeSet of(Collection<IndexRange> ranges) {
    return of(ranges.toArray(IndexRange[]::new));
  }

  /** The set of the indexes of {@code ranges}, which may overlap, touch or come in any order. */
  public static IndexRangeSet of(IndexRange... ranges) {
    if (ranges.length == 0) {
      return EMPTY;
    }
    IndexRange[] sorted = ranges.clone();
    Arrays.sort(sorted);
    List<IndexRange> merged = new ArrayList<>(sorted.length);
    IndexRange current = sorted[0];
    for (int i = 1; i < sorted.length; i++) {
      IndexRange next = sorted[i];
      if (current.touches(next)) {
        current = new IndexRange(current.start(), Math.max(current.end(), next.end()));
      } else {
        merged.add(current);
        current = next;
      }
    }
    merged.add(current);
    return new IndexRangeSet(merged.toArray(IndexRange[]::new));
  }

  /** The sorted, disjoint, non-touching ranges of the set. */
  public List<IndexRange> ranges() {
    return List.of(ranges);
  }

  /** Whether the set holds no index. */
  public boolean isEmpty() {
    return ranges.length == 0;
  }

  /** How many indexes the set holds. */
  public long size() {
    long size = 0;
    for (IndexRange range : ranges) {
      size += range.size();
    }
    return size;
  }

  /** Whether {@code index} is in the set (binary search over the ranges). */
  public boolean contains(long index) {
    int low = 0;
    int high = ranges.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      IndexRange range = ranges[middle];
      if (index < range.start()) {
        high = middle - 1;
      } else if (index >= range.end()) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** The indexes in this set or in {@code other}. */
  public IndexRangeSet union(IndexRangeSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    IndexRange[] both = Arrays.copyOf(ranges, ranges.length + other.ranges.length);
    System.arraycopy(other.ranges, 0, both, ranges.length, other.ranges.length);
    return of(both);
  }

  /** The indexes in both this set and {@code other}. */
  public IndexRangeSet intersect(IndexRangeSet other) {
    List<IndexRange> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ranges.length && j < other.ranges.length) {
      IndexRange a = ranges[i];
      IndexRange b = other.ranges[j];
      long start = Math.max(a.start(), b.start());
      long end = Math.min(a.end(), b.end());
      if (start < end) {
        result.add(new IndexRange(start, end));
      }
      if (a.end() < b.end()) {
        i++;
      } else {
        j++;
      }
    }
    return result.isEmpty() ? EMPTY : new IndexRangeSet(result.toArray(IndexRange[]::new));
  }

  /** The indexes in this set that are not in {@code other}. */
  public IndexRangeSet minus(IndexRangeSet other) {
    if (other.isEmpty() || isEmpty()) {
      return this;
    }
    List<IndexRange> result = new ArrayList<>();
    int j = 0;
    for (IndexRange range : ranges) {
      long start = range.start();
      while (j < other.ranges.length && other.ranges[j].end() <= start) {
        j++;
      }
      int k = j;
      while (k < other.ranges.length && other.ranges[k].start() < range.end()) {
        IndexRange cut = other.ranges[k];
        if (cut.start() > start) {
          result.add(new IndexRange(start, cut.start()));
        }
        start = Math.max(start, cut.end());
        k++;
      }
      if (start < range.end()) {
        result.add(new IndexRange(start, range.end()));
      }
    }
    return result.isEmpty() ? EMPTY : new IndexRangeSet(result.toArray(IndexRange[]::new));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IndexRangeSet set && Arrays.equals(ranges, set.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges);
  }

  /**
   * Reads the text {@link #toString} writes ({@code {[0, 10), [20, 21)}}).
   *
   * @throws IllegalArgumentException naming the text when it is not such a set
   */
  public static IndexRangeSet parse(String text) {
    String t = text.strip();
    if (!t.startsWith("{") || !t.endsWith("}")) {
      throw new IllegalArgumentException(
          "index range set '" + text + "': expected {[start, end), ...}");
    }
    String body = t.substring(1, t.length() - 1).strip();
    if (body.isEmpty()) {
      return EMPTY;
    }
    List<IndexRange> parsed = new ArrayList<>();
    for (String part : body.split("\\)\\s*,?\\s*")) {
      String range = part.strip();
      if (!range.startsWith("[") || !range.contains(",")) {
        throw new IllegalArgumentException(
            "index range set '" + text + "': expected {[start, end), ...}, not '" + range + "'");
      }
      String[] bounds = range.substring(1).split(",");
      try {
        parsed.add(
            new IndexRange(Long.parseLong(bounds[0].strip()), Long.parseLong(bounds[1].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "index range set '" + text + "': expected whole numbers in '" + range + ")'", e);
      }
    }
    return of(parsed);
  }

  /** The ranges, e.g. {@code {[0, 10), [20, 21)}}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < ranges.length; i++) {
      text.append(i == 0 ? "" : ", ").append(ranges[i]);
    }
    return text.append('}').toString();
  }
}
