package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.PartitionStatus;

/**
 * The status of one partition of an asset as users see it: the statuses the catalog keeps ({@link
 * PartitionStatus}) plus {@link #MISSING}, which the catalog never stores (a partition no stored
 * range covers).
 */
public enum AssetPartitionStatus {
  /** Materialized, with a data version. */
  MATERIALIZED,
  /** Materialized but stale, with the reasons. */
  STALE,
  /** Its latest materialization failed. */
  FAILED,
  /** A run is materializing it. */
  IN_PROGRESS,
  /** Never materialized (or removed): no stored range covers it. */
  MISSING;

  /** Returns the status of a stored range. */
  public static AssetPartitionStatus of(PartitionStatus kept) {
    return valueOf(kept.name());
  }

  /** Returns the kept status this is, or null for {@link #MISSING}. */
  public PartitionStatus kept() {
    return this == MISSING ? null : PartitionStatus.valueOf(name());
  }
}
