package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetKey;
import java.util.Set;

/**
 * What a condition is evaluated on, for one unpartitioned asset, read from the catalog and the
 * change log by {@link FactsReader}.
 *
 * @param key the asset
 * @param upstream its upstream keys
 * @param updatedUpstream those updated (materialized, or observed with new data) since its last run
 * @param inProgressRunId the run automation started for it that still runs; null if none
 * @param missing whether it was never materialized
 * @param codeVersionChanged whether its code version differs from its current materialization's
 * @param cronTickPassed whether a cron tick of its condition passed since its last run
 * @param freshnessViolated whether a freshness violation of it is open
 */
public record AssetFacts(
    AssetKey key,
    Set<AssetKey> upstream,
    Set<AssetKey> updatedUpstream,
    String inProgressRunId,
    boolean missing,
    boolean codeVersionChanged,
    boolean cronTickPassed,
    boolean freshnessViolated) {

  /** Copies the sets. */
  public AssetFacts {
    upstream = Set.copyOf(upstream);
    updatedUpstream = Set.copyOf(updatedUpstream);
  }

  /** Whether a run automation started for the asset still runs. */
  public boolean inProgress() {
    return inProgressRunId != null;
  }
}
