package dev.weft.assets.internal;

import java.time.Instant;

/**
 * What the freshness workflow learns about its asset at the start of a cycle.
 *
 * @param policyCurrent false when the policy changed or was removed since the run started (it ends)
 * @param partition the partition the deadline is about ({@code ""} for an unpartitioned asset)
 * @param deadline when the asset is late unless a materialization lands; null when no deadline
 *     comes any more (a time-window definition that ended: the run ends)
 * @param lastMaterializedAt when the current materialization finished; null if none
 * @param violated whether a violation is open now
 * @param partitionIndex for a partition deadline: the window index of {@code partition}; null for
 *     an unpartitioned asset
 */
public record FreshnessCheck(
    boolean policyCurrent,
    String partition,
    Instant deadline,
    Instant lastMaterializedAt,
    boolean violated,
    Long partitionIndex) {

  /** The check of an unpartitioned asset. */
  public FreshnessCheck(
      boolean policyCurrent,
      String partition,
      Instant deadline,
      Instant lastMaterializedAt,
      boolean violated) {
    this(policyCurrent, partition, deadline, lastMaterializedAt, violated, null);
  }

  /** The check of a run whose policy is gone or changed. */
  static FreshnessCheck policyGone() {
    return new FreshnessCheck(false, "", null, null, false);
  }
}
