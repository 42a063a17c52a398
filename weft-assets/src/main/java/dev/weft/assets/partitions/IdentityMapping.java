package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Optional;

/** Partition i reads partition i. */
final class IdentityMapping implements PartitionMapping {
  static final IdentityMapping INSTANCE = new IdentityMapping();

  private IdentityMapping() {}

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    return edge.clipUpstream(downstream);
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    return edge.clipDownstream(upstream);
  }

  @Override
  public Optional<String> refusal(PartitionsDefinition upstream, PartitionsDefinition downstream) {
    if (upstream.equals(downstream)
        || (upstream instanceof IntegerRangePartitions
            && downstream instanceof IntegerRangePartitions)) {
      return Optional.empty();
    }
    return Optional.of("identity maps equal definitions or two integer ranges");
  }

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public String toString() {
    return name();
  }
}
