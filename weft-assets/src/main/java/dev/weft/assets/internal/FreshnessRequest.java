package dev.weft.assets.internal;

import java.time.Instant;

/**
 * The input of the freshness workflow.
 *
 * @param assetKey the watched asset
 * @param policyRegisteredAt when its policy (as it is) was registered: a run whose policy changed
 *     since ends
 * @param taskQueue the task queue the workflow runs on (where the catalog's wake-up goes)
 * @param checkedThrough for a partition deadline: the last window index whose deadline the watch
 *     handled (its durable cursor, carried across continue-as-new); null before the first, and for
 *     other kinds
 */
public record FreshnessRequest(
    String assetKey, Instant policyRegisteredAt, String taskQueue, Long checkedThrough) {

  /** The request of a watch that has handled no deadline yet. */
  public FreshnessRequest(String assetKey, Instant policyRegisteredAt, String taskQueue) {
    this(assetKey, policyRegisteredAt, taskQueue, null);
  }

  /** Returns the request of the next cycle, after window {@code index}'s deadline was handled. */
  FreshnessRequest handled(long index) {
    return new FreshnessRequest(assetKey, policyRegisteredAt, taskQueue, index);
  }
}
