package dev.weft.assets.internal;

import java.time.Instant;

/**
 * The input of the freshness workflow.
 *
 * @param assetKey the watched asset
 * @param policyRegisteredAt when its policy (as it is) was registered: a run whose policy changed
 *     since ends
 * @param taskQueue the task queue the workflow runs on (where the catalog's wake-up goes)
 */
public record FreshnessRequest(String assetKey, Instant policyRegisteredAt, String taskQueue) {}
