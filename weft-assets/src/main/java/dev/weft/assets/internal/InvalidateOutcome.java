package dev.weft.assets.internal;

import java.util.List;

/**
 * The result of {@link InvalidateWorkflow}.
 *
 * @param invalidated per asset (the invalidated one first, then the downstream ones reached), how
 *     many partitions became stale
 * @param workflowId the rematerialization's workflow ID; null when none was asked for
 * @param runId the rematerialization's run ID; null likewise
 */
public record InvalidateOutcome(
    List<InvalidatedCount> invalidated, String workflowId, String runId) {

  /** Copies the counts. */
  public InvalidateOutcome {
    invalidated = List.copyOf(invalidated);
  }

  /**
   * How many partitions of one asset became stale.
   *
   * @param assetKey the asset
   * @param partitions partitions that went from materialized to stale
   */
  public record InvalidatedCount(String assetKey, long partitions) {}
}
