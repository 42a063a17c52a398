package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Between a multi-partitioned asset and a one-dimensional one: {@code inner} maps the dimension
 * {@code name} of the multi side to the other side; every value of the other dimensions goes along.
 * Projecting onto a dimension costs O(ranges); expanding a dimension that is not the first costs
 * the number of values of the dimensions before it (times the ranges).
 */
record DimensionMapping(String dimension, PartitionMapping inner) implements PartitionMapping {
  DimensionMapping {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(inner, "mapping of dimension " + dimension);
  }

  @Override
  public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
    if (edge.upstream() instanceof MultiPartitions up
        && edge.downstream() instanceof MultiPartitions down) {
      PartitionEdge firsts = firsts(up, down, edge);
      return AlignedMultiMapping.map(downstream, down, up, set -> inner.upstream(set, firsts));
    }
    if (edge.upstream() instanceof MultiPartitions multi) {
      PartitionDimension d = dimensionOf(multi);
      PartitionEdge single =
          new PartitionEdge(
              d.definition(), edge.downstream(), edge.upstreamContext(), edge.downstreamContext());
      IndexRangeSet values = inner.upstream(downstream, single);
      return expand(multi, values, edge.upstreamContext());
    }
    MultiPartitions multi = (MultiPartitions) edge.downstream();
    PartitionDimension d = dimensionOf(multi);
    PartitionEdge single =
        new PartitionEdge(
            edge.upstream(), d.definition(), edge.upstreamContext(), edge.downstreamContext());
    return inner.upstream(project(multi, downstream), single);
  }

  @Override
  public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
    if (edge.upstream() instanceof MultiPartitions up
        && edge.downstream() instanceof MultiPartitions down) {
      PartitionEdge firsts = firsts(up, down, edge);
      return AlignedMultiMapping.map(upstream, up, down, set -> inner.downstream(set, firsts));
    }
    if (edge.upstream() instanceof MultiPartitions multi) {
      PartitionDimension d = dimensionOf(multi);
      PartitionEdge single =
          new PartitionEdge(
              d.definition(), edge.downstream(), edge.upstreamContext(), edge.downstreamContext());
      return inner.downstream(project(multi, upstream), single);
    }
    MultiPartitions multi = (MultiPartitions) edge.downstream();
    PartitionDimension d = dimensionOf(multi);
    PartitionEdge single =
        new PartitionEdge(
            edge.upstream(), d.definition(), edge.upstreamContext(), edge.downstreamContext());
    return expand(multi, inner.downstream(upstream, single), edge.downstreamContext());
  }

  private static PartitionEdge firsts(
      MultiPartitions up, MultiPartitions down, PartitionEdge edge) {
    return new PartitionEdge(
        up.dimensions().get(0).definition(),
        down.dimensions().get(0).definition(),
        edge.upstreamContext(),
        edge.downstreamContext());
  }

  private PartitionDimension dimensionOf(MultiPartitions multi) {
    return multi.dimensions().get(multi.dimensionIndex(dimension));
  }

  /** The indexes of the dimension (its own indexes, not digits) the multi indexes have. */
  IndexRangeSet project(MultiPartitions multi, IndexRangeSet indexes) {
    int i = multi.dimensionIndex(dimension);
    PartitionDimension d = multi.dimensions().get(i);
    long w = multi.weight(i);
    List<IndexRange> out = new ArrayList<>();
    for (IndexRange r : indexes.ranges()) {
      if (i == 0) {
        IndexArithmetic.add(out, r.start() / w, Math.ceilDiv(r.end(), w));
        continue;
      }
      long radix = d.radix();
      long block = multi.weight(i - 1);
      if (r.size() >= block) {
        out.add(new IndexRange(0, radix));
        continue;
      }
      long first = (r.start() / w) % radix;
      long last = ((r.end() - 1) / w) % radix;
      if (r.start() / block == (r.end() - 1) / block) {
        out.add(new IndexRange(first, last + 1));
      } else {
        out.add(new IndexRange(first, radix));
        out.add(new IndexRange(0, last + 1));
      }
    }
    return IndexArithmetic.shift(IndexRangeSet.of(out), d.base());
  }

  /** The multi indexes whose dimension has one of {@code values} (the dimension's own indexes). */
  IndexRangeSet expand(MultiPartitions multi, IndexRangeSet values, PartitionsContext ctx) {
    int i = multi.dimensionIndex(dimension);
    PartitionDimension d = multi.dimensions().get(i);
    IndexRangeSet digits =
        IndexArithmetic.shift(
            values.intersect(IndexRangeSet.of(d.definition().declaredRange())), -d.base());
    long w = multi.weight(i);
    List<IndexRange> out = new ArrayList<>();
    if (i == 0) {
      for (IndexRange r : digits.ranges()) {
        IndexArithmetic.add(
            out,
            IndexArithmetic.saturatedTimes(r.start(), w),
            IndexArithmetic.saturatedTimes(r.end(), w));
      }
      return IndexRangeSet.of(out);
    }
    digits = digits.intersect(IndexRangeSet.of(new IndexRange(0, d.radix())));
    long block = multi.weight(i - 1);
    long end = multi.declaredRange().end();
    if (end == Long.MAX_VALUE) {
      List<IndexRange> valid = multi.validIndexes(ctx).ranges();
      end = valid.isEmpty() ? 0 : valid.get(valid.size() - 1).end();
    }
    if (end == 0 || digits.isEmpty()) {
      return IndexRangeSet.empty();
    }
    if (digits.equals(IndexRangeSet.of(new IndexRange(0, d.radix())))) {
      return IndexRangeSet.of(new IndexRange(0, end));
    }
    IndexRangeSet high = IndexRangeSet.of(new IndexRange(0, Math.ceilDiv(end, block)));
    IndexRangeSet low = IndexArithmetic.product(digits, IndexRangeSet.of(new IndexRange(0, w)), w);
    return IndexArithmetic.product(high, low, block);
  }

  @Override
  public Optional<String> refusal(PartitionsDefinition upstream, PartitionsDefinition downstream) {
    boolean upMulti = upstream instanceof MultiPartitions;
    boolean downMulti = downstream instanceof MultiPartitions;
    if (upMulti && downMulti) {
      MultiPartitions up = (MultiPartitions) upstream;
      MultiPartitions down = (MultiPartitions) downstream;
      return AlignedMultiMapping.refusal(name(), dimension, up, down)
          .or(
              () ->
                  inner
                      .refusal(
                          up.dimensions().get(0).definition(),
                          down.dimensions().get(0).definition())
                      .map(why -> name() + ": " + why));
    }
    if (!upMulti && !downMulti) {
      return Optional.of(name() + " maps from or to a multi-partitioned definition");
    }
    MultiPartitions multi = (MultiPartitions) (upMulti ? upstream : downstream);
    Optional<PartitionDimension> d =
        multi.dimensions().stream().filter(x -> x.name().equals(dimension)).findFirst();
    if (d.isEmpty()) {
      return Optional.of(
          name()
              + ": no dimension '"
              + dimension
              + "'; dimensions are "
              + multi.dimensions().stream().map(PartitionDimension::name).toList());
    }
    Optional<String> inside =
        upMulti
            ? inner.refusal(d.get().definition(), downstream)
            : inner.refusal(upstream, d.get().definition());
    return inside.map(why -> name() + ": " + why);
  }

  @Override
  public String name() {
    return "dimension(" + dimension + ", " + inner.name() + ")";
  }
}
