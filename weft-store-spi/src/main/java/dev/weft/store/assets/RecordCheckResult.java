package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Records the result of an asset check: kept in the check's history, and the latest per check name
 * is what {@link AssetCatalog#latestChecks} returns. A check result does not change the asset's
 * status (a failed blocking check stops its downstream in the run that ran it, which the run
 * records). Unconditional.
 *
 * @param namespace the namespace of the asset
 * @param assetKey the checked asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param checkName the check's name, unique per asset
 * @param runId the run that ran it; null when recorded outside a run
 * @param passed whether the check passed
 * @param severity how much a failure matters
 * @param blocking whether a failure stops the asset's downstream in the run
 * @param metadataJson what the check reported, as JSON; null for none
 * @param at when it ran
 */
public record RecordCheckResult(
    String namespace,
    String assetKey,
    String partition,
    String checkName,
    String runId,
    boolean passed,
    CheckSeverity severity,
    boolean blocking,
    String metadataJson,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if the namespace, check name or run ID is blank or the key is
   *     malformed
   */
  public RecordCheckResult {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.notBlank("checkName", assetKey, checkName);
    AssetFields.nullOrNotBlank("runId", assetKey, runId);
    AssetFields.nonNull("severity", assetKey, severity);
    AssetFields.nonNull("at", assetKey, at);
  }

  /** Returns the result as the catalog reads it back. */
  public CheckResultRecord result() {
    return new CheckResultRecord(
        assetKey, partition, checkName, runId, passed, severity, blocking, metadataJson, at);
  }
}
