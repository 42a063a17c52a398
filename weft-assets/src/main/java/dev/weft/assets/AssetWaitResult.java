package dev.weft.assets;

import dev.weft.store.assets.AssetStatus;
import java.time.Instant;

/**
 * The end of a durable wait for an asset ({@link AssetWorkflow#awaitMaterialized}, {@link
 * AssetWorkflow#awaitFresh}): whether the condition held, and the asset's state as read when the
 * wait ended.
 *
 * @param key the asset's key
 * @param satisfied true if the condition held; false if the wait's timeout passed first
 * @param status the asset's status then ({@link AssetStatus#MISSING} if never materialized)
 * @param dataVersion its current data version; null if it has none
 * @param materializedAt when its current materialization finished (for an observable source: when
 *     it was last observed); null if never
 */
public record AssetWaitResult(
    AssetKey key,
    boolean satisfied,
    AssetStatus status,
    String dataVersion,
    Instant materializedAt) {}
