package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Records that an asset partition missed its freshness deadline. The freshness workflow commits it
 * with its activity's completion. It applies only as it was decided: when the asset partition's
 * current materialization is still the one that finished at {@code expectedMaterializedAt} (null:
 * none) and its policy is still registered as of {@code policyRegisteredAt}; otherwise the commit
 * is a conflict (the activity's attempt fails and its retry decides again). For a partition of a
 * partitioned asset ({@code partitionIndex} set) the condition is that the partition's stored range
 * holds no data version. With a violation already open, it changes nothing.
 *
 * @param namespace the namespace
 * @param assetKey the asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset
 * @param deadline when the asset became late (the violation's start)
 * @param expectedMaterializedAt when the current materialization the decision saw finished; null
 *     for none
 * @param policyRegisteredAt the registration time of the policy the decision used
 * @param at when the violation is written
 * @param partitionIndex the partition's index for a partitioned asset (its materialization of any
 *     range holding it clears the violation); null for an unpartitioned asset
 */
public record RecordFreshnessViolation(
    String namespace,
    String assetKey,
    String partition,
    Instant deadline,
    Instant expectedMaterializedAt,
    Instant policyRegisteredAt,
    Instant at,
    Long partitionIndex)
    implements Write {

  /** The violation of an unpartitioned asset (or a partition named only by its key). */
  public RecordFreshnessViolation(
      String namespace,
      String assetKey,
      String partition,
      Instant deadline,
      Instant expectedMaterializedAt,
      Instant policyRegisteredAt,
      Instant at) {
    this(
        namespace,
        assetKey,
        partition,
        deadline,
        expectedMaterializedAt,
        policyRegisteredAt,
        at,
        null);
  }

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field other than the expected materialization is null
   * @throws IllegalArgumentException if the namespace is blank or the key is not an asset key
   */
  public RecordFreshnessViolation {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.nonNull("deadline", assetKey, deadline);
    AssetFields.nonNull("policyRegisteredAt", assetKey, policyRegisteredAt);
    AssetFields.nonNull("at", assetKey, at);
    if (partitionIndex != null && partitionIndex < 0) {
      throw new IllegalArgumentException(
          "asset " + assetKey + ": partitionIndex must be at least 0, was " + partitionIndex);
    }
  }

  /** Null: the write belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
