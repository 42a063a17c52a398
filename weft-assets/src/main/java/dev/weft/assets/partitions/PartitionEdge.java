package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Objects;

/**
 * The two ends of a dependency a {@link PartitionMapping} maps across: the upstream and downstream
 * definitions and what each side has now ({@link PartitionsContext}: the time, dynamic keys, the
 * end of a growing range). Mappings that only shift or scale indexes never read the contexts.
 *
 * @param upstream the upstream asset's partitions
 * @param downstream the downstream asset's partitions
 * @param upstreamContext what exists upstream now
 * @param downstreamContext what exists downstream now
 */
public record PartitionEdge(
    PartitionsDefinition upstream,
    PartitionsDefinition downstream,
    PartitionsContext upstreamContext,
    PartitionsContext downstreamContext) {

  /** Validates the edge. */
  public PartitionEdge {
    Objects.requireNonNull(upstream, "PartitionEdge.upstream");
    Objects.requireNonNull(downstream, "PartitionEdge.downstream");
    Objects.requireNonNull(upstreamContext, "PartitionEdge.upstreamContext");
    Objects.requireNonNull(downstreamContext, "PartitionEdge.downstreamContext");
  }

  /** Returns the edge between the two definitions with one context for both sides. */
  public static PartitionEdge of(
      PartitionsDefinition upstream, PartitionsDefinition downstream, PartitionsContext ctx) {
    return new PartitionEdge(upstream, downstream, ctx, ctx);
  }

  /** Returns the upstream partitions that exist now. */
  public IndexRangeSet upstreamValid() {
    return upstream.validIndexes(upstreamContext);
  }

  /** Returns the downstream partitions that exist now. */
  public IndexRangeSet downstreamValid() {
    return downstream.validIndexes(downstreamContext);
  }

  /** Returns {@code set} clipped to the upstream's declared range. */
  IndexRangeSet clipUpstream(IndexRangeSet set) {
    return set.intersect(IndexRangeSet.of(upstream.declaredRange()));
  }

  /** Returns {@code set} clipped to the downstream's declared range. */
  IndexRangeSet clipDownstream(IndexRangeSet set) {
    return set.intersect(IndexRangeSet.of(downstream.declaredRange()));
  }

  /** Returns the edge with the sides swapped. */
  PartitionEdge reversed() {
    return new PartitionEdge(downstream, upstream, downstreamContext, upstreamContext);
  }

  static IndexRangeSet all(PartitionsDefinition definition) {
    IndexRange declared = definition.declaredRange();
    return IndexRangeSet.of(declared);
  }
}
