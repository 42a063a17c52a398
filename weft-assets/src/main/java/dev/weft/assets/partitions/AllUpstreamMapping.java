package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRangeSet;

/** Every downstream partition reads every upstream partition that exists. */
final class AllUpstreamMapping implements PartitionMapping {
  static final AllUpstreamMapping INSTANCE = new AllUpstreamMapping();

  private AllUpstreamMapping() {}

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    return downstream.isEmpty() ? IndexRangeSet.empty() : edge.upstreamValid();
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    return upstream.isEmpty() ? IndexRangeSet.empty() : PartitionEdge.all(edge.downstream());
  }

  @Override
  public String name() {
    return "allUpstream";
  }

  @Override
  public String toString() {
    return name();
  }
}
