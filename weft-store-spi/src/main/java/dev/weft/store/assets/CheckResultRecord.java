package dev.weft.store.assets;

import java.time.Instant;

/**
 * A recorded asset check result, as {@link AssetCatalog#latestChecks} reads it back ({@link
 * RecordCheckResult} writes it).
 *
 * @param assetKey the checked asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param checkName the check's name
 * @param runId the run that ran it; null when recorded outside a run
 * @param passed whether it passed
 * @param severity how much a failure matters
 * @param blocking whether a failure stops the asset's downstream in the run
 * @param metadataJson what the check reported, as JSON; null for none
 * @param at when it ran
 */
public record CheckResultRecord(
    String assetKey,
    String partition,
    String checkName,
    String runId,
    boolean passed,
    CheckSeverity severity,
    boolean blocking,
    String metadataJson,
    Instant at) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if the key is malformed or the check name blank
   */
  public CheckResultRecord {
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.notBlank("checkName", assetKey, checkName);
    AssetFields.nonNull("severity", assetKey, severity);
    AssetFields.nonNull("at", assetKey, at);
  }
}
