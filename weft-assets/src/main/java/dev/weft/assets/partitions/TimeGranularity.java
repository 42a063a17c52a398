package dev.weft.assets.partitions;

/** The length of the windows of {@link TimeWindowPartitions}. */
public enum TimeGranularity {
  /** One hour (3,600 s), keys {@code yyyy-MM-dd-HH:mm}. */
  HOURLY,
  /** One local day (23, 24 or 25 hours), keys {@code yyyy-MM-dd}. */
  DAILY,
  /** Seven local days from a first day of the week, keys {@code yyyy-MM-dd} of the first day. */
  WEEKLY,
  /** One calendar month, keys {@code yyyy-MM-dd} of its first day. */
  MONTHLY
}
