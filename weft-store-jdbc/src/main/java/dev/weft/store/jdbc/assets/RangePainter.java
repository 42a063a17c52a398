package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Applies a change to the partitions of an index set over an asset's stored ranges, in memory: the
 * ranges the set cuts are split, the change is applied to each piece (to {@code null} for a missing
 * one; returning null makes it missing), and adjacent pieces with equal content are merged. Linear
 * in the number of ranges and set boundaries, never in partitions. Observed pieces (no
 * materialization) merge only when observed at the same time: their {@code updatedAt} is when they
 * were observed, which a wait for a newer observation compares with, so partition 4 observed with
 * partition 5's version must not lend partition 5 its time.
 */
final class RangePainter {
  private RangePainter() {}

  /**
   * Returns the ranges after the change.
   *
   * @param ranges the stored ranges, sorted and disjoint; they must include every range that
   *     overlaps or touches the set (so merges with neighbours happen)
   * @param where the partitions to change
   * @param change the new content of a piece given its current one (null: missing)
   * @param at the time of the change, the {@code updatedAt} of changed pieces
   */
  static List<StoredRange> paint(
      List<StoredRange> ranges, IndexRangeSet where, UnaryOperator<RangeContent> change, long at) {
    TreeSet<Long> cuts = new TreeSet<>();
    for (StoredRange r : ranges) {
      cuts.add(r.start());
      cuts.add(r.end());
    }
    for (IndexRange r : where.ranges()) {
      cuts.add(r.start());
      cuts.add(r.end());
    }
    List<StoredRange> out = new ArrayList<>(ranges.size() + 2);
    List<IndexRange> targets = where.ranges();
    int stored = 0;
    int target = 0;
    Long from = null;
    for (long to : cuts) {
      if (from != null) {
        long start = from;
        while (stored < ranges.size() && ranges.get(stored).end() <= start) {
          stored++;
        }
        while (target < targets.size() && targets.get(target).end() <= start) {
          target++;
        }
        StoredRange old =
            stored < ranges.size() && ranges.get(stored).start() <= start
                ? ranges.get(stored)
                : null;
        boolean inside = target < targets.size() && targets.get(target).start() <= start;
        RangeContent before = old == null ? null : old.content();
        RangeContent after = inside ? change.apply(before) : before;
        if (after != null) {
          long updated = Objects.equals(after, before) ? old.updatedAt() : at;
          append(out, new StoredRange(start, to, after, updated));
        }
      }
      from = to;
    }
    return out;
  }

  private static void append(List<StoredRange> out, StoredRange piece) {
    if (!out.isEmpty()) {
      StoredRange last = out.get(out.size() - 1);
      if (last.end() == piece.start()
          && last.content().equals(piece.content())
          && (!last.content().observed() || last.updatedAt() == piece.updatedAt())) {
        out.set(
            out.size() - 1,
            new StoredRange(
                last.start(),
                piece.end(),
                last.content(),
                Math.max(last.updatedAt(), piece.updatedAt())));
        return;
      }
    }
    out.add(piece);
  }
}
