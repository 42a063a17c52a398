package dev.weft.store.assets.partitions;

/**
 * A half-open range {@code [start, end)} of partition indexes. Partitions are addressed by a {@code
 * long} index within their definition (a time window's position since the start, a block number, a
 * static key's position, a dynamic key's insertion number), so the catalog keeps, reads and
 * cascades ranges of indexes, never a row per partition.
 *
 * @param start the first index in the range, at least 0
 * @param end one past the last index, greater than {@code start}: a range is never empty
 */
public record IndexRange(long start, long end) implements Comparable<IndexRange> {

  public IndexRange {
    if (start < 0) {
      throw new IllegalArgumentException(
          "partition range start is " + start + ": expected an index >= 0");
    }
    if (end <= start) {
      throw new IllegalArgumentException(
          "partition range [" + start + ", " + end + ") is empty: expected end > start");
    }
  }

  /** The range holding the one partition {@code index}. */
  public static IndexRange of(long index) {
    return new IndexRange(index, index + 1);
  }

  /** How many partitions the range holds. */
  public long size() {
    return end - start;
  }

  /** Whether {@code index} is in the range. */
  public boolean contains(long index) {
    return index >= start && index < end;
  }

  /** Whether the two ranges share at least one index. */
  public boolean overlaps(IndexRange other) {
    return start < other.end && other.start < end;
  }

  /** Whether the two ranges overlap or touch, so their union is one range. */
  public boolean touches(IndexRange other) {
    return start <= other.end && other.start <= end;
  }

  @Override
  public int compareTo(IndexRange other) {
    int byStart = Long.compare(start, other.start);
    return byStart != 0 ? byStart : Long.compare(end, other.end);
  }

  /** {@code [start, end)}. */
  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
