package dev.weft.assets.internal;

import dev.weft.store.assets.FreshnessPolicyRecord;
import java.time.Instant;

/**
 * Computes one kind of freshness policy's next deadline for the freshness workflow: the seam where
 * each kind plugs in ({@link MaxLagEvaluator} for {@code MAX_LAG}; the partition deadline of time
 * partitions comes with the partitions definitions).
 */
public interface FreshnessEvaluator {

  /**
   * Returns the asset's state under the policy: which partition the next deadline is about, the
   * deadline, the current materialization's time, and whether a violation is open.
   *
   * @param policy the asset's current policy
   * @param now the time of the check
   */
  FreshnessCheck evaluate(FreshnessPolicyRecord policy, Instant now);

  /** Returns when the partition's current materialization finished; null if it has none. */
  Instant lastMaterializedAt(String assetKey, String partition);
}
