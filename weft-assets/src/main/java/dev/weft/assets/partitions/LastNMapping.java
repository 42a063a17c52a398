package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRangeSet;

/** Every downstream partition reads the last n upstream partitions that exist. */
record LastNMapping(int n) implements PartitionMapping {
  LastNMapping {
    if (n < 1) {
      throw new IllegalArgumentException("lastN(" + n + "): expected n >= 1");
    }
  }

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    return downstream.isEmpty()
        ? IndexRangeSet.empty()
        : IndexArithmetic.last(edge.upstreamValid(), n);
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    boolean read = !upstream.intersect(IndexArithmetic.last(edge.upstreamValid(), n)).isEmpty();
    return read ? PartitionEdge.all(edge.downstream()) : IndexRangeSet.empty();
  }

  @Override
  public String name() {
    return "lastN(" + n + ")";
  }
}
