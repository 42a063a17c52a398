package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.PartitionRangeState;

/**
 * The status of one partition.
 *
 * @param key its key
 * @param index its index in the definition
 * @param status its status
 * @param state the stored range holding it, whole (with data version, reasons, failure, runs); null
 *     when {@link AssetPartitionStatus#MISSING}
 */
public record PartitionKeyStatus(
    String key, long index, AssetPartitionStatus status, PartitionRangeState state) {}
