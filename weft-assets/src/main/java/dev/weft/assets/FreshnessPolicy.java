package dev.weft.assets;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How fresh an asset must be; a violation is an event in the catalog at its deadline, cleared by
 * the materialization that lands next. Set with {@link AssetBuilder#freshnessPolicy}, {@link
 * AssetSpec.Builder#freshnessPolicy} (multi-asset outputs) or the annotations' {@code
 * freshnessMaxLag}/{@code freshnessDeadline}.
 *
 * <pre>{@code
 * Asset.builder("trades/daily_volume")
 *     .freshnessPolicy(FreshnessPolicy.maxLag(Duration.ofHours(1)))
 *     .compute(ctx -> ...);
 * }</pre>
 *
 * <p>{@link #maxLag} is Dagster's freshness "fail window" ({@code FreshnessPolicy.time_window(
 * fail_window=...)}): the latest materialization must be no older than the lag; unlike Dagster's
 * older {@code maximum_lag_minutes}, it does not follow the data time of upstream assets, and it is
 * not evaluated by a sensor tick but by a durable timer at the deadline. {@link #partitionDeadline}
 * is for time-partitioned assets: each window's partition must exist by the time of day (in the
 * asset's time zone) after the window ends ("yesterday's partition by 02:00").
 */
public sealed interface FreshnessPolicy {

  /**
   * The latest materialization must be no older than {@code lag}; an asset never materialized is
   * late {@code lag} after its policy was registered.
   *
   * @throws IllegalArgumentException if {@code lag} is not positive or has a fraction of a
   *     millisecond
   */
  static FreshnessPolicy maxLag(Duration lag) {
    return new MaxLag(lag);
  }

  /**
   * Each time window's partition must exist by {@code deadline} (in the asset's time zone) after
   * the window ends. Only time-partitioned assets take it; an unpartitioned asset with it is
   * refused when the graph is built.
   */
  static FreshnessPolicy partitionDeadline(LocalTime deadline) {
    return new PartitionDeadline(deadline);
  }

  /**
   * {@link FreshnessPolicy#maxLag}.
   *
   * @param lag how old the latest materialization may be
   */
  record MaxLag(Duration lag) implements FreshnessPolicy {
    /** Validates the lag. */
    public MaxLag {
      Objects.requireNonNull(lag, "lag");
      if (lag.isNegative() || lag.isZero() || lag.getNano() % 1_000_000 != 0) {
        throw new IllegalArgumentException(
            "freshness maxLag must be positive whole milliseconds, was " + lag);
      }
    }

    @Override
    public String toString() {
      return "maxLag(" + lag + ")";
    }
  }

  /**
   * {@link FreshnessPolicy#partitionDeadline}.
   *
   * @param deadline the time of day after a window's end by which its partition must exist
   */
  record PartitionDeadline(LocalTime deadline) implements FreshnessPolicy {
    /** Validates the deadline. */
    public PartitionDeadline {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.getSecond() != 0 || deadline.getNano() != 0) {
        throw new IllegalArgumentException(
            "freshness partitionDeadline is a time of day in whole minutes, was " + deadline);
      }
    }

    @Override
    public String toString() {
      return "partitionDeadline(" + deadline + ")";
    }
  }
}
