package dev.weft.store.assets;

import java.time.Instant;

/**
 * A run waiting for a condition on an asset partition ({@link AwaitAsset}), as {@link
 * AssetCatalog#waiters} lists it: a waiter whose condition held was woken and is gone.
 *
 * @param waiterId the waiter's ID
 * @param assetKey the asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset
 * @param condition what it waits for
 * @param after the point a materialization must be newer than (for {@link
 *     AssetWaitCondition#MATERIALIZED_AFTER})
 * @param runId the run it wakes
 * @param registeredAt when it was registered
 */
public record AssetWaiterRecord(
    String waiterId,
    String assetKey,
    String partition,
    AssetWaitCondition condition,
    Instant after,
    String runId,
    Instant registeredAt) {}
