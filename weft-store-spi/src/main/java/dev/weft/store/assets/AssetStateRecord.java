package dev.weft.store.assets;

import java.time.Instant;
import java.util.List;

/**
 * The catalog's current state of one asset partition, kept up to date by the store as
 * materializations, failures, observations and graph registrations commit.
 *
 * @param assetKey the asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param status its status; {@link AssetStatus#FAILED} wins over {@link AssetStatus#STALE}
 * @param reasons why it is stale, in a stable order (empty when fresh); kept for a failed asset
 * @param current its current materialization; null when never materialized (missing, an observable
 *     source, or failed before any success)
 * @param lastFailureMessage the message of its latest failure ({@code "Type: message"}); null if
 *     none
 * @param lastFailureAt when its latest failure happened; null if none
 * @param lastObservedDataVersion the data version last observed (observable sources); null if none
 * @param updatedAt when the state last changed (or, for a source, was last observed); the graph's
 *     registration time for a missing asset no write touched yet
 */
public record AssetStateRecord(
    String assetKey,
    String partition,
    AssetStatus status,
    List<StaleReason> reasons,
    MaterializationRecord current,
    String lastFailureMessage,
    Instant lastFailureAt,
    String lastObservedDataVersion,
    Instant updatedAt) {

  /**
   * Validates the state and copies its reasons.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if the key is malformed, a fresh or missing state has reasons,
   *     or a stale one has none
   */
  public AssetStateRecord {
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.nonNull("status", assetKey, status);
    AssetFields.nonNull("reasons", assetKey, reasons);
    reasons = List.copyOf(reasons);
    AssetFields.nonNull("updatedAt", assetKey, updatedAt);
    if ((status == AssetStatus.FRESH || status == AssetStatus.MISSING) && !reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "asset " + assetKey + " is " + status + " with stale reasons " + reasons);
    }
    if (status == AssetStatus.STALE && reasons.isEmpty()) {
      throw new IllegalArgumentException("asset " + assetKey + " is STALE without a reason");
    }
  }

  /**
   * The data version its downstream compare with: the current materialization's, or for an
   * observable source the last observed one; null if neither.
   */
  public String dataVersion() {
    return current != null ? current.dataVersion() : lastObservedDataVersion;
  }
}
