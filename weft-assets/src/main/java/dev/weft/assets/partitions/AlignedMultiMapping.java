package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code dimension(name, inner)} between two multi-partitioned assets: the first dimension (named
 * {@code name} on both sides) is mapped by {@code inner}, every other dimension is the same on both
 * sides and maps to itself: {@code (date, region)} reading {@code (date - 1, region)}. Each range
 * splits into whole blocks of the first dimension (one call of {@code inner} for the run) and at
 * most two partial blocks (one call each): O(ranges).
 */
final class AlignedMultiMapping {
  private AlignedMultiMapping() {}

  static Optional<String> refusal(
      String name, String dimension, MultiPartitions up, MultiPartitions down) {
    List<PartitionDimension> a = up.dimensions();
    List<PartitionDimension> b = down.dimensions();
    if (!a.get(0).name().equals(dimension) || !b.get(0).name().equals(dimension)) {
      return Optional.of(
          name
              + ": between two multi-partitioned assets the mapped dimension is the first of both");
    }
    if (!a.subList(1, a.size()).equals(b.subList(1, b.size()))) {
      return Optional.of(
          name
              + ": between two multi-partitioned assets every dimension but the first is the same");
    }
    return Optional.empty();
  }

  /**
   * Maps {@code set} of the {@code from} side with {@code inner} applied to first-dimension sets.
   */
  static IndexRangeSet map(
      IndexRangeSet set,
      MultiPartitions from,
      MultiPartitions to,
      Function<IndexRangeSet, IndexRangeSet> inner) {
    Side side =
        new Side(
            from.weight(0), from.dimensions().get(0).base(), to.dimensions().get(0).base(), inner);
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : set.ranges()) {
      long block = side.block;
      long first = r.start() / block;
      long last = (r.end() - 1) / block;
      if (first == last) {
        side.add(out, first, first + 1, rest(r, first, block));
        continue;
      }
      long wholeFrom = first;
      if (r.start() % block != 0) {
        side.add(out, first, first + 1, rest(r, first, block));
        wholeFrom = first + 1;
      }
      long wholeTo = last + 1;
      if (r.end() != Long.MAX_VALUE && r.end() % block != 0) {
        side.add(out, last, last + 1, rest(r, last, block));
        wholeTo = last;
      }
      if (wholeFrom < wholeTo) {
        side.add(out, wholeFrom, wholeTo, IndexRangeSet.of(new IndexRange(0, block)));
      }
    }
    return IndexRangeSet.of(out);
  }

  private record Side(
      long block, long fromBase, long toBase, Function<IndexRangeSet, IndexRangeSet> inner) {
    /** Adds (inner of first digits [from, to)) x rest. */
    void add(List<IndexRange> out, long from, long to, IndexRangeSet rest) {
      IndexRangeSet firsts =
          IndexArithmetic.shift(IndexRangeSet.of(new IndexRange(from, to)), fromBase);
      IndexRangeSet mapped = IndexArithmetic.shift(inner.apply(firsts), -toBase);
      out.addAll(IndexArithmetic.product(mapped, rest, block).ranges());
    }
  }

  private static IndexRangeSet rest(IndexRange r, long digit, long block) {
    long start = Math.max(r.start(), digit * block) - digit * block;
    long end = Math.min(r.end(), (digit + 1) * block) - digit * block;
    return IndexRangeSet.of(new IndexRange(start, end));
  }
}
