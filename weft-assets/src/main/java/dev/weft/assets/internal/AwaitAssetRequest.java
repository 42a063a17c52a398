package dev.weft.assets.internal;

import dev.weft.store.assets.AssetWaitCondition;
import java.time.Duration;
import java.time.Instant;

/**
 * The input of the asset wait workflow.
 *
 * @param key the asset's key
 * @param condition what to wait for
 * @param after for {@link AssetWaitCondition#MATERIALIZED_AFTER}: the point a materialization must
 *     be newer than
 * @param timeout how long to wait at most; null for no limit
 */
public record AwaitAssetRequest(
    String key, AssetWaitCondition condition, Instant after, Duration timeout) {}
