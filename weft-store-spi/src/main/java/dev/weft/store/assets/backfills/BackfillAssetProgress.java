package dev.weft.store.assets.backfills;

/**
 * A backfill's progress on one asset, in partitions.
 *
 * @param assetKey the asset
 * @param partitions how many partitions of it the backfill runs
 * @param materialized how many materialized
 * @param failed how many failed
 * @param inProgress how many are being computed
 * @param skipped how many were not run because an upstream partition did not materialize
 */
public record BackfillAssetProgress(
    String assetKey,
    long partitions,
    long materialized,
    long failed,
    long inProgress,
    long skipped) {

  /** Validates the progress. */
  public BackfillAssetProgress {
    BackfillFields.asset("assetKey", assetKey);
    BackfillFields.notNegative("partitions", partitions);
  }

  /** The partitions not started yet. */
  public long pending() {
    return Math.max(0, partitions - materialized - failed - inProgress - skipped);
  }
}
