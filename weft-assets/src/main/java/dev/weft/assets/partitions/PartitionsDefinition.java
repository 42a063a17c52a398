package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Map;

/**
 * How an asset is split into partitions. Each partition has a key (a string, for people: {@code
 * 2024-01-01}, {@code 19000000}, {@code 2024-01-01|eu}) and a {@code long} index within the
 * definition (a time window's number since the start, a block number, a static key's position, a
 * dynamic key's insertion number, a mixed-radix number for several dimensions): the catalog keeps,
 * reads and cascades ranges of indexes ({@link IndexRangeSet}), never a row per partition.
 *
 * <p>{@link #index(String, PartitionsContext)} and {@link #key(long, PartitionsContext)} translate
 * within what the definition declares (start, end, keys); which partitions exist <em>now</em> is
 * {@link #validIndexes(PartitionsContext)} (a time window exists once it has ended, a dynamic key
 * once added, a growing integer range up to its current end).
 *
 * <p>Definitions are immutable values (equal when declared alike) and thread-safe.
 *
 * <pre>{@code
 * PartitionsDefinition days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
 * days.index("2024-01-31");    // 30
 * days.key(30);                // "2024-01-31"
 * }</pre>
 */
public sealed interface PartitionsDefinition
    permits Unpartitioned,
        TimeWindowPartitions,
        StaticPartitions,
        DynamicPartitions,
        IntegerRangePartitions,
        MultiPartitions {

  /** The definition of an asset without partitions: one partition, key {@code ""}, index 0. */
  static PartitionsDefinition unpartitioned() {
    return Unpartitioned.INSTANCE;
  }

  /**
   * Returns the index of {@code key}.
   *
   * @throws PartitionKeyException when the key is malformed or outside the definition
   */
  long index(String key, PartitionsContext ctx);

  /**
   * Returns the key of {@code index}.
   *
   * @throws PartitionKeyException when the index is outside the definition
   */
  String key(long index, PartitionsContext ctx);

  /** {@link #index(String, PartitionsContext)} for definitions that need no dynamic keys. */
  default long index(String key) {
    return index(key, PartitionsContext.NONE);
  }

  /** {@link #key(long, PartitionsContext)} for definitions that need no dynamic keys. */
  default String key(long index) {
    return key(index, PartitionsContext.NONE);
  }

  /**
   * Returns the indexes the declaration allows, whatever the time: {@code [first, end)}, with end
   * {@link Long#MAX_VALUE} when the definition has no end (growing ranges, time windows without an
   * end, dynamic keys). Mappings clip to it.
   */
  IndexRange declaredRange();

  /** Returns the indexes of the partitions that exist in {@code ctx}. */
  IndexRangeSet validIndexes(PartitionsContext ctx);

  /** Returns how many partitions exist in {@code ctx}. */
  default long count(PartitionsContext ctx) {
    return validIndexes(ctx).size();
  }

  /**
   * Returns the definition as plain data for the catalog and the UI: {@code type} ({@code
   * unpartitioned}, {@code time-window}, {@code static}, {@code dynamic}, {@code integer-range},
   * {@code multi}) and the type's fields (start, end, zone, granularity, keys, name, dimensions).
   */
  Map<String, Object> description();

  /** Returns the definition in words, e.g. {@code daily partitions from 2024-01-01 in UTC}. */
  @Override
  String toString();
}
