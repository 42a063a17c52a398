package dev.weft.store.assets.automation;

/**
 * What the evaluator remembers of an asset: up to which change-log sequence number its triggers
 * were handled (by a run it started), and that run.
 *
 * @param assetKey the asset
 * @param handledSeq the change-log sequence number its last fired evaluation covered; 0 if none
 * @param workflowId the workflow ID of the last run automation started; null if none
 * @param runId that run's ID; null if none
 */
public record AutomationAssetRecord(
    String assetKey, long handledSeq, String workflowId, String runId) {}
