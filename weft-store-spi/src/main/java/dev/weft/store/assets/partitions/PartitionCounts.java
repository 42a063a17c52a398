package dev.weft.store.assets.partitions;

/**
 * How many partitions of an asset (in a window) have each kept status. The missing ones are the
 * window's size minus {@link #kept()}: only the definition knows the size.
 *
 * @param materialized partitions {@link PartitionStatus#MATERIALIZED}
 * @param stale partitions {@link PartitionStatus#STALE}
 * @param failed partitions {@link PartitionStatus#FAILED}
 * @param inProgress partitions {@link PartitionStatus#IN_PROGRESS}
 */
public record PartitionCounts(long materialized, long stale, long failed, long inProgress) {

  /** No partition. */
  public static final PartitionCounts NONE = new PartitionCounts(0, 0, 0, 0);

  /** The count of one status. */
  public long count(PartitionStatus status) {
    return switch (status) {
      case MATERIALIZED -> materialized;
      case STALE -> stale;
      case FAILED -> failed;
      case IN_PROGRESS -> inProgress;
    };
  }

  /** How many partitions have a kept status (are not missing). */
  public long kept() {
    return materialized + stale + failed + inProgress;
  }

  /** These counts plus {@code partitions} of {@code status}. */
  public PartitionCounts plus(PartitionStatus status, long partitions) {
    return new PartitionCounts(
        materialized + (status == PartitionStatus.MATERIALIZED ? partitions : 0),
        stale + (status == PartitionStatus.STALE ? partitions : 0),
        failed + (status == PartitionStatus.FAILED ? partitions : 0),
        inProgress + (status == PartitionStatus.IN_PROGRESS ? partitions : 0));
  }
}
