package dev.weft.assets.partitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mapping of an input that declares none (see {@link PartitionMapping#defaultFor}). */
final class DefaultMappings {
  private DefaultMappings() {}

  static Optional<PartitionMapping> of(
      PartitionsDefinition upstream, PartitionsDefinition downstream) {
    if (upstream instanceof Unpartitioned && downstream instanceof Unpartitioned) {
      return Optional.of(PartitionMapping.identity());
    }
    if (upstream instanceof Unpartitioned || downstream instanceof Unpartitioned) {
      return Optional.of(PartitionMapping.allUpstream());
    }
    if (upstream.equals(downstream)) {
      return Optional.of(PartitionMapping.identity());
    }
    if (upstream instanceof TimeWindowPartitions && downstream instanceof TimeWindowPartitions) {
      return Optional.of(PartitionMapping.timeWindow(0));
    }
    if (upstream instanceof IntegerRangePartitions
        && downstream instanceof IntegerRangePartitions) {
      return Optional.of(PartitionMapping.identity());
    }
    if (upstream instanceof MultiPartitions up && downstream instanceof MultiPartitions down) {
      String first = up.dimensions().get(0).name();
      if (AlignedMultiMapping.refusal("", first, up, down).isPresent()) {
        return Optional.empty();
      }
      return of(up.dimensions().get(0).definition(), down.dimensions().get(0).definition())
          .map(m -> PartitionMapping.dimension(first, m));
    }
    if (downstream instanceof MultiPartitions multi && !(upstream instanceof MultiPartitions)) {
      return oneDimension(multi, d -> of(upstream, d.definition()));
    }
    if (upstream instanceof MultiPartitions multi && !(downstream instanceof MultiPartitions)) {
      return oneDimension(multi, d -> of(d.definition(), downstream));
    }
    return Optional.empty();
  }

  private static Optional<PartitionMapping> oneDimension(
      MultiPartitions multi,
      java.util.function.Function<PartitionDimension, Optional<PartitionMapping>> inner) {
    List<PartitionMapping> found = new ArrayList<>();
    for (PartitionDimension d : multi.dimensions()) {
      inner.apply(d).ifPresent(m -> found.add(PartitionMapping.dimension(d.name(), m)));
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
