package dev.weft.assets.internal;

import dev.weft.store.assets.AssetStatus;
import java.time.Instant;

/**
 * What the asset wait workflow returns: whether the condition held, and the asset's state as read
 * then.
 *
 * @param key the asset's key
 * @param satisfied whether the condition held (false: the wait timed out)
 * @param status the asset's status
 * @param dataVersion its current data version; null if it has none
 * @param materializedAt when its current materialization finished (or it was last observed); null
 *     if never
 */
public record AwaitAssetOutcome(
    String key,
    boolean satisfied,
    AssetStatus status,
    String dataVersion,
    Instant materializedAt) {}
