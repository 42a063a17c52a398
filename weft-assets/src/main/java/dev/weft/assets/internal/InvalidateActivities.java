package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/** The activity of {@link InvalidateWorkflow}, run by a node hosting the asset code. */
@ActivityInterface
public interface InvalidateActivities {

  /**
   * Invalidates the partitions with cascade (one catalog transaction) and, when asked, starts the
   * partitioned materialization of the invalidated partitions of every affected asset.
   *
   * @throws dev.weft.failure.ApplicationFailure non-retryable, of type {@code
   *     PartitionKeyException}, {@code UnknownAssetException} or {@code IllegalArgumentException},
   *     with the exception's message, for a request the graph refuses (nothing was written)
   */
  @ActivityMethod(name = "__weft_invalidate_partitions")
  InvalidateOutcome invalidate(InvalidateRequest request);
}
