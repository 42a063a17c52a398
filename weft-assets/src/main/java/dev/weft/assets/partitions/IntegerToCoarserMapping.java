package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Between integer ranges: downstream partition j reads upstream [j * size, (j + 1) * size). */
record IntegerToCoarserMapping(long size) implements PartitionMapping {
  IntegerToCoarserMapping {
    if (size < 1) {
      throw new IllegalArgumentException("integerToCoarser(" + size + "): expected size >= 1");
    }
  }

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : downstream.ranges()) {
      IndexArithmetic.add(
          out,
          IndexArithmetic.saturatedTimes(r.start(), size),
          IndexArithmetic.saturatedTimes(r.end(), size));
    }
    return edge.clipUpstream(IndexRangeSet.of(out));
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : upstream.ranges()) {
      IndexArithmetic.add(out, r.start() / size, Math.ceilDiv(r.end(), size));
    }
    return edge.clipDownstream(IndexRangeSet.of(out));
  }

  @Override
  public Optional<String> refusal(PartitionsDefinition upstream, PartitionsDefinition downstream) {
    return integerRanges(upstream, downstream, name());
  }

  static Optional<String> integerRanges(
      PartitionsDefinition upstream, PartitionsDefinition downstream, String name) {
    if (upstream instanceof IntegerRangePartitions
        && downstream instanceof IntegerRangePartitions) {
      return Optional.empty();
    }
    return Optional.of(name + " maps between two integer ranges");
  }

  @Override
  public String name() {
    return "integerToCoarser(" + size + ")";
  }
}
