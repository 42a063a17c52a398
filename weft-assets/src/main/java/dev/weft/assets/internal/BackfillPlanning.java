package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/**
 * Plans a window of a backfill on a node hosting the asset code, as a local activity of the
 * backfill's workflow (recorded once in its history).
 */
@ActivityInterface
public interface BackfillPlanning {

  /**
   * Returns the window of the backfill starting at {@code offset}; at offset 0 also records the
   * backfill's plan (partitions per asset, status RUNNING).
   *
   * @throws dev.weft.failure.ApplicationFailure non-retryable, of type {@code
   *     PartitionKeyException}, {@code UnknownAssetException} or {@code IllegalArgumentException},
   *     naming asset, key and definition
   */
  @ActivityMethod(name = "__weft_backfill_plan")
  BackfillWindow window(String backfillId, long offset);
}
