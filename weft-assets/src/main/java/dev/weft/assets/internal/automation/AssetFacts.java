package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetKey;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Set;

/**
 * What a condition is evaluated on, for one asset, read from the catalog and the change log by
 * {@link FactsReader}. An unpartitioned asset is the one partition {@link
 * ConditionEvaluator#UNPARTITIONED}; a partitioned asset has per-partition facts for {@code
 * eager()}, {@code missing()} and {@code freshnessViolated()}, and its whole-asset facts (cron
 * ticks, code version, named upstream updates) hold on its latest partition.
 *
 * @param key the asset
 * @param upstream its upstream keys
 * @param updatedUpstream those updated (materialized, or observed with new data) since its last run
 * @param inProgressRunId the run automation started for it that still runs; null if none
 * @param missing whether it was never materialized (partitioned: whether a partition is missing)
 * @param codeVersionChanged whether its code version differs from its current materialization's
 * @param cronTickPassed whether a cron tick of its condition passed since its last run
 * @param freshnessViolated whether a freshness violation of it is open
 * @param all its partitions that exist now (the rest a {@code not} takes from)
 * @param updatedPartitions its partitions mapped from the upstream partitions updated since its
 *     last run
 * @param missingPartitions its partitions never materialized
 * @param latePartitions its partitions with an open freshness violation
 * @param whole where a whole-asset fact holds: {@code all} unpartitioned, the latest partition of a
 *     partitioned asset
 */
public record AssetFacts(
    AssetKey key,
    Set<AssetKey> upstream,
    Set<AssetKey> updatedUpstream,
    String inProgressRunId,
    boolean missing,
    boolean codeVersionChanged,
    boolean cronTickPassed,
    boolean freshnessViolated,
    IndexRangeSet all,
    IndexRangeSet updatedPartitions,
    IndexRangeSet missingPartitions,
    IndexRangeSet latePartitions,
    IndexRangeSet whole) {

  /** Copies the sets. */
  public AssetFacts {
    upstream = Set.copyOf(upstream);
    updatedUpstream = Set.copyOf(updatedUpstream);
  }

  /** The facts of an unpartitioned asset: every per-partition fact on its one partition. */
  public AssetFacts(
      AssetKey key,
      Set<AssetKey> upstream,
      Set<AssetKey> updatedUpstream,
      String inProgressRunId,
      boolean missing,
      boolean codeVersionChanged,
      boolean cronTickPassed,
      boolean freshnessViolated) {
    this(
        key,
        upstream,
        updatedUpstream,
        inProgressRunId,
        missing,
        codeVersionChanged,
        cronTickPassed,
        freshnessViolated,
        ConditionEvaluator.UNPARTITIONED,
        updatedUpstream.isEmpty() ? IndexRangeSet.empty() : ConditionEvaluator.UNPARTITIONED,
        missing ? ConditionEvaluator.UNPARTITIONED : IndexRangeSet.empty(),
        freshnessViolated ? ConditionEvaluator.UNPARTITIONED : IndexRangeSet.empty(),
        ConditionEvaluator.UNPARTITIONED);
  }

  /** Whether a run automation started for the asset still runs. */
  public boolean inProgress() {
    return inProgressRunId != null;
  }

  /**
   * These facts after the asset's own failure: missing partitions and code version do not count.
   */
  AssetFacts afterOwnFailure() {
    return new AssetFacts(
        key,
        upstream,
        updatedUpstream,
        inProgressRunId,
        false,
        false,
        cronTickPassed,
        freshnessViolated,
        all,
        updatedPartitions,
        IndexRangeSet.empty(),
        latePartitions,
        whole);
  }
}
