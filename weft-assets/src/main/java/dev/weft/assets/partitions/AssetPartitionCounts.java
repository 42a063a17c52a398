package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.PartitionCounts;

/**
 * How many partitions of an asset (or of a window of it) have each status, {@link
 * AssetPartitionStatus#MISSING} included: the partitions that exist now (the definition's valid
 * indexes) minus the ones the catalog keeps a status for.
 *
 * @param materialized partitions materialized
 * @param stale partitions stale
 * @param failed partitions whose latest run failed
 * @param inProgress partitions a run is materializing
 * @param missing partitions that exist now and were never materialized; 0 when {@code sizeKnown} is
 *     false
 * @param sizeKnown false for a growing integer range whose current end nobody told the catalog: its
 *     missing partitions cannot be counted
 */
public record AssetPartitionCounts(
    long materialized, long stale, long failed, long inProgress, long missing, boolean sizeKnown) {

  /** The kept counts and the window's size ({@code size < kept} counts no missing partition). */
  public static AssetPartitionCounts of(PartitionCounts kept, long size) {
    return new AssetPartitionCounts(
        kept.materialized(),
        kept.stale(),
        kept.failed(),
        kept.inProgress(),
        Math.max(0, size - kept.kept()),
        true);
  }

  /** The kept counts of an asset whose size is not known. */
  public static AssetPartitionCounts sizeUnknown(PartitionCounts kept) {
    return new AssetPartitionCounts(
        kept.materialized(), kept.stale(), kept.failed(), kept.inProgress(), 0, false);
  }

  /** The count of one status. */
  public long count(AssetPartitionStatus status) {
    return switch (status) {
      case MATERIALIZED -> materialized;
      case STALE -> stale;
      case FAILED -> failed;
      case IN_PROGRESS -> inProgress;
      case MISSING -> missing;
    };
  }

  /** The partitions counted, missing ones included. */
  public long total() {
    return materialized + stale + failed + inProgress + missing;
  }
}
