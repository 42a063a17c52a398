package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Optional;

/** Between integer ranges: partition i reads upstream partition i + k. */
record IntegerShiftMapping(long k) implements PartitionMapping {

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    return edge.clipUpstream(IndexArithmetic.shift(downstream, k));
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    return edge.clipDownstream(IndexArithmetic.shift(upstream, -k));
  }

  @Override
  public Optional<String> refusal(PartitionsDefinition upstream, PartitionsDefinition downstream) {
    return IntegerToCoarserMapping.integerRanges(upstream, downstream, name());
  }

  @Override
  public String name() {
    return "integerShift(" + k + ")";
  }
}
