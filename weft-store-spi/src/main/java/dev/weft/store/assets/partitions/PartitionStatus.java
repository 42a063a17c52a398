package dev.weft.store.assets.partitions;

/**
 * The statuses the catalog keeps for a partition, as ranges of indexes. A partition no range covers
 * is missing: the store never knows how many partitions a definition has, so {@code weft-assets}
 * counts the missing ones as a window's size minus the kept ones.
 */
public enum PartitionStatus {
  /** Materialized, with the data version and the {@code asset_history} entry that produced it. */
  MATERIALIZED,
  /** Materialized but stale, with the reasons; the data version is kept. */
  STALE,
  /** Its latest materialization failed; the previous data version is kept if there was one. */
  FAILED,
  /** A run is materializing it (a backfill's claimed chunk); what was there before is kept. */
  IN_PROGRESS
}
