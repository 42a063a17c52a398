package dev.weft.assets.internal;

import dev.weft.store.assets.FreshnessPolicyRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * Computes one kind of freshness policy's next deadline for the freshness workflow: the seam where
 * each kind plugs in ({@link MaxLagEvaluator} for {@code MAX_LAG}, {@link
 * PartitionDeadlineEvaluator} for {@code PARTITION_DEADLINE}).
 */
public interface FreshnessEvaluator {

  /**
   * Returns the asset's state under the policy: which partition the next deadline is about, the
   * deadline, the current materialization's time, and whether a violation is open.
   *
   * @param policy the asset's current policy
   * @param now the time of the check
   * @param request the watch's request (its cursor of handled partition deadlines)
   */
  FreshnessCheck evaluate(FreshnessPolicyRecord policy, Instant now, FreshnessRequest request);

  /** Returns when the partition's current materialization finished; null if it has none. */
  Instant lastMaterializedAt(String assetKey, String partition);

  /**
   * Returns whether the asset is still as late as {@code seen} found it: no materialization landed
   * since (the violation is recorded only then).
   */
  default boolean stillLate(String assetKey, FreshnessCheck seen) {
    return Objects.equals(
        lastMaterializedAt(assetKey, seen.partition()), seen.lastMaterializedAt());
  }
}
