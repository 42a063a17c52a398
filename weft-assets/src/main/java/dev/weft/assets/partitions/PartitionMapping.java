package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Optional;

/**
 * Which partitions of an upstream asset a partition of a downstream asset reads, in both
 * directions, on sets of index ranges: {@link #upstream} (what a downstream range needs, for runs
 * and backfills) and {@link #downstream} (what an upstream change reaches, for invalidation and
 * automation). Built-ins: {@link #identity()}, {@link #timeWindow(int)}, {@link #allUpstream()},
 * {@link #lastN(int)}, {@link #integerShift(long)}, {@link #integerToCoarser(long)}, {@link
 * #dimension(String, PartitionMapping)}; users may implement their own.
 *
 * <p>Contract for implementations: both methods are pure and thread-safe, return indexes within the
 * other side's {@linkplain PartitionsDefinition#declaredRange() declared range}, and cost time in
 * the number of ranges (or of windows of the given ranges), never in the number of partitions: a
 * range of 10,000,000 blocks is one range. {@code downstream} may over-approximate (the catalog
 * marks stale only what is materialized) but must not miss a partition that reads a changed one.
 *
 * <pre>{@code
 * Asset.builder("market/returns")
 *     .partitions(daily)
 *     .input("market/prices", Prices.class, PartitionMapping.timeWindow(-1))   // yesterday's
 *     .compute(ctx -> ...);
 * }</pre>
 */
public interface PartitionMapping {

  /**
   * Returns the upstream partitions that the downstream partitions {@code downstream} read.
   *
   * @param downstream downstream indexes (within the downstream's declared range)
   * @param edge the two definitions and what exists now on each side
   */
  IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge);

  /**
   * Returns the downstream partitions that read any of the upstream partitions {@code upstream}.
   *
   * @param upstream upstream indexes (within the upstream's declared range)
   * @param edge the two definitions and what exists now on each side
   */
  IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge);

  /**
   * Returns why this mapping cannot map between the two definitions, or empty when it can. Checked
   * when the graph is built; a refusal fails it with {@link
   * dev.weft.assets.InvalidAssetGraphException}.
   */
  default Optional<String> refusal(PartitionsDefinition upstream, PartitionsDefinition downstream) {
    return Optional.empty();
  }

  /**
   * Returns the mapping's name as shown in the catalog and the UI, e.g. {@code timeWindow(-1)}; a
   * user mapping's class name unless it says otherwise.
   */
  default String name() {
    return getClass().getName();
  }

  /** Partition {@code i} reads partition {@code i}: equal definitions, or two integer ranges. */
  static PartitionMapping identity() {
    return IdentityMapping.INSTANCE;
  }

  /**
   * A downstream window reads the upstream windows overlapping the downstream window {@code offset}
   * windows away ({@code -1}: yesterday's for daily assets). Between different granularities a
   * daily window reads its 24 hours (23 or 25 on DST days). Offsets count downstream windows, as in
   * Dagster.
   */
  static PartitionMapping timeWindow(int offset) {
    return new TimeWindowMapping(offset, offset);
  }

  /**
   * A downstream window reads the upstream windows overlapping the downstream windows {@code
   * startOffset} to {@code endOffset} (inclusive) away: {@code timeWindow(-6, 0)} is a 7-day
   * rolling window.
   *
   * @throws IllegalArgumentException when {@code startOffset > endOffset}
   */
  static PartitionMapping timeWindow(int startOffset, int endOffset) {
    return new TimeWindowMapping(startOffset, endOffset);
  }

  /** Every downstream partition reads every upstream partition that exists. */
  static PartitionMapping allUpstream() {
    return AllUpstreamMapping.INSTANCE;
  }

  /**
   * Every downstream partition reads the last {@code n} upstream partitions that exist (Dagster's
   * {@code LastPartitionMapping} is {@code lastN(1)}).
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  static PartitionMapping lastN(int n) {
    return new LastNMapping(n);
  }

  /**
   * Between integer ranges: partition {@code i} reads upstream partition {@code i + k} ({@code
   * integerShift(-1)}: the previous block).
   */
  static PartitionMapping integerShift(long k) {
    return new IntegerShiftMapping(k);
  }

  /**
   * Between integer ranges: downstream partition {@code j} reads upstream partitions {@code [j *
   * size, (j + 1) * size)}; {@code integerToCoarser(1000)} makes block 19,000,123 part of
   * downstream partition 19,000.
   *
   * @throws IllegalArgumentException when {@code size < 1}
   */
  static PartitionMapping integerToCoarser(long size) {
    return new IntegerToCoarserMapping(size);
  }

  /**
   * Between a multi-partitioned asset and a one-dimensional one (either side): {@code mapping} maps
   * the dimension {@code name} of the multi side to the other side; every value of the other
   * dimensions goes along. A daily asset reading {@code (date, region)}: {@code dimension("date",
   * identity())} reads every region of its day. Between two multi-partitioned assets whose
   * dimensions are the same but for the first, named {@code name}: {@code mapping} maps the first
   * dimension and the others map to themselves ({@code (date, region)} reading {@code (date - 1,
   * region)} is {@code dimension("date", timeWindow(-1))}).
   */
  static PartitionMapping dimension(String name, PartitionMapping mapping) {
    return new DimensionMapping(name, mapping);
  }

  /**
   * Returns the mapping used when an input declares none, or empty when there is no sensible one:
   * identity for equal definitions (and for two unpartitioned assets), {@code timeWindow(0)}
   * between two time window definitions, identity between two integer ranges, {@code allUpstream()}
   * when either side is unpartitioned, and {@code dimension(name, default)} between a
   * multi-partition and a one-dimensional definition when exactly one dimension has a default
   * mapping to it.
   */
  static Optional<PartitionMapping> defaultFor(
      PartitionsDefinition upstream, PartitionsDefinition downstream) {
    return DefaultMappings.of(upstream, downstream);
  }
}
