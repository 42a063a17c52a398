package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Between time windows: downstream window j reads the upstream windows overlapping the downstream
 * windows j + startOffset .. j + endOffset. One upstream range per downstream range and back: the
 * cost is in ranges, whatever the granularities.
 */
record TimeWindowMapping(int startOffset, int endOffset) implements PartitionMapping {
  TimeWindowMapping {
    if (startOffset > endOffset) {
      throw new IllegalArgumentException(
          "timeWindow(" + startOffset + ", " + endOffset + "): expected startOffset <= endOffset");
    }
  }

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    TimeWindowPartitions up = (TimeWindowPartitions) edge.upstream();
    TimeWindowPartitions down = (TimeWindowPartitions) edge.downstream();
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : within(downstream, down).ranges()) {
      Instant from = down.windowStart(r.start() + startOffset).toInstant();
      Instant to = down.windowEnd(r.end() - 1 + endOffset).toInstant();
      IndexArithmetic.add(out, up.indexAt(from), up.indexAt(to.minusNanos(1)) + 1);
    }
    return edge.clipUpstream(IndexRangeSet.of(out));
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    TimeWindowPartitions up = (TimeWindowPartitions) edge.upstream();
    TimeWindowPartitions down = (TimeWindowPartitions) edge.downstream();
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : within(upstream, up).ranges()) {
      long first = down.indexAt(up.windowStart(r.start()).toInstant());
      long last = down.indexAt(up.windowEnd(r.end() - 1).toInstant().minusNanos(1));
      IndexArithmetic.add(out, first - endOffset, last - startOffset + 1);
    }
    return edge.clipDownstream(IndexRangeSet.of(out));
  }

  /** Clips to the indexes whose windows can be computed (an open end stops at year 9999). */
  private static IndexRangeSet within(IndexRangeSet set, TimeWindowPartitions def) {
    return set.intersect(IndexRangeSet.of(new IndexRange(0, def.computableEnd())));
  }

  @Override
  public Optional<String> refusal(PartitionsDefinition upstream, PartitionsDefinition downstream) {
    if (upstream instanceof TimeWindowPartitions && downstream instanceof TimeWindowPartitions) {
      return Optional.empty();
    }
    return Optional.of(name() + " maps between two time window definitions");
  }

  @Override
  public String name() {
    return startOffset == endOffset
        ? "timeWindow(" + startOffset + ")"
        : "timeWindow(" + startOffset + ", " + endOffset + ")";
  }
}
