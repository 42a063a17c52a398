/**
 * Partitions of assets: definitions ({@link dev.weft.assets.partitions.TimeWindowPartitions},
 * {@link dev.weft.assets.partitions.StaticPartitions}, {@link
 * dev.weft.assets.partitions.DynamicPartitions}, {@link
 * dev.weft.assets.partitions.IntegerRangePartitions}, {@link
 * dev.weft.assets.partitions.MultiPartitions}) that translate keys to {@code long} indexes and
 * back; {@link dev.weft.assets.partitions.PartitionMapping}s between the partitions of an asset and
 * of its upstream assets, computed on {@link dev.weft.store.assets.partitions.IndexRangeSet}s; and
 * {@link dev.weft.assets.partitions.PartitionCascade}, which follows the mappings through an asset
 * graph. Everything here is pure computation: immutable, thread-safe, no I/O. What exists now (the
 * time, dynamic keys, the end of a growing range) comes in through {@link
 * dev.weft.assets.partitions.PartitionsContext}.
 *
 * <pre>{@code
 * TimeWindowPartitions daily = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
 * AssetDefinition returns = Asset.builder("market/returns")
 *     .partitions(daily)
 *     .input("market/prices", Prices.class, PartitionMapping.timeWindow(-1))
 *     .compute(ctx -> ...);
 * }</pre>
 */
package dev.weft.assets.partitions;
