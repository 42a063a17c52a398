package dev.weft.store.assets;

import java.time.Instant;

/**
 * One violation of an asset partition's freshness policy: from its deadline until the
 * materialization that cleared it (or the policy's change or removal).
 *
 * @param id the violation's ID, increasing in the order recorded
 * @param assetKey the asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset
 * @param policy the policy violated, in its short form ({@link FreshnessPolicyRecord#describe()})
 * @param deadline when the asset became late: the violation's start
 * @param lastMaterializedAt when the materialization current at the deadline finished; null if
 *     there was none
 * @param recordedAt when the violation was written (at or shortly after the deadline)
 * @param clearedAt when it cleared; null while it is open
 * @param clearedByMaterializationId the history ID of the materialization that cleared it; null if
 *     open or cleared otherwise
 * @param clearedByRunId the run of that materialization, if known
 * @param clearReason {@code MATERIALIZED}, {@code POLICY_CHANGED} or {@code POLICY_REMOVED}; null
 *     while open
 */
public record FreshnessViolationRecord(
    long id,
    String assetKey,
    String partition,
    String policy,
    Instant deadline,
    Instant lastMaterializedAt,
    Instant recordedAt,
    Instant clearedAt,
    Long clearedByMaterializationId,
    String clearedByRunId,
    String clearReason) {

  /** The clear reason of a violation a materialization ended. */
  public static final String MATERIALIZED = "MATERIALIZED";

  /** The clear reason of a violation ended because its policy changed. */
  public static final String POLICY_CHANGED = "POLICY_CHANGED";

  /** The clear reason of a violation ended because its policy was removed. */
  public static final String POLICY_REMOVED = "POLICY_REMOVED";

  /** Validates the record. */
  public FreshnessViolationRecord {
    AssetFields.key("assetKey", assetKey);
    AssetFields.nonNull("partition", assetKey, partition);
    AssetFields.nonNull("policy", assetKey, policy);
    AssetFields.nonNull("deadline", assetKey, deadline);
    AssetFields.nonNull("recordedAt", assetKey, recordedAt);
  }

  /** Returns whether the violation is still open. */
  public boolean open() {
    return clearedAt == null;
  }
}
