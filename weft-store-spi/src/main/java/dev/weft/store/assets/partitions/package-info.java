/**
 * Partition indexes at store level: {@link dev.weft.store.assets.partitions.IndexRange} and {@link
 * dev.weft.store.assets.partitions.IndexRangeSet}, the vocabulary the catalog's partition status,
 * the partition mappings of {@code weft-assets} and backfills share. A partition is a {@code long}
 * index within its definition; keys (strings) are for people and are translated by the definition,
 * ranges of indexes are what the store keeps and cascades.
 */
package dev.weft.store.assets.partitions;
