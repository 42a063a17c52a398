package dev.weft.store.assets.partitions;

/**
 * A key of a dynamic partitions definition and its index (insertion order, never reused).
 *
 * @param key the key
 * @param index its index
 */
public record DynamicPartition(String key, long index) {}
