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
 * @param partition the partition key of a partitioned asset to wait on; null (or empty) for the
 *     asset as a whole (its state row)
 */
public record AwaitAssetRequest(
    String key, AssetWaitCondition condition, Instant after, Duration timeout, String partition) {

  /** A wait on the asset as a whole. */
  public AwaitAssetRequest(
      String key, AssetWaitCondition condition, Instant after, Duration timeout) {
    this(key, condition, after, timeout, null);
  }

  /** Whether it waits on one partition. */
  public boolean onPartition() {
    return partition != null && !partition.isEmpty();
  }
}
