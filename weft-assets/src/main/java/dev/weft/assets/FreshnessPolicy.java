package dev.weft.assets;

import dev.weft.assets.partitions.TimeWindowPartitions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
   * Each time window's partition must exist by {@code deadline} (in the asset's time zone) on the
   * day after the window's last day: daily, yesterday's partition by 02:00 today; hourly, every
   * hour of a day by 02:00 the next day; weekly, the week by 02:00 on the first day of the next
   * week; monthly, the month by 02:00 on the first of the next month. Only assets with {@link
   * TimeWindowPartitions} take it; any other asset with it is refused when the graph is built. See
   * {@link PartitionDeadline#deadlineOf} for days with a DST change.
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

    /**
     * Returns when the partition of window {@code index} of {@code partitions} is late: {@link
     * #deadline} in the partitions' zone on the local day after the window's last day. On a
     * spring-forward day whose gap holds the deadline (02:30 in Europe/Berlin on 2024-03-31) it
     * moves later by the gap's length (03:30 CEST, as {@link ZonedDateTime#of} resolves a gap); on
     * a fall-back day whose repeated hour holds it, it is the earlier of the two instants (the
     * first 02:30, CEST). The windows' own length on such days (23 or 25 hours) does not matter:
     * only the window's last local day does.
     *
     * @param partitions the asset's time windows
     * @param index the window's index (any: outside the definition too)
     */
    public Instant deadlineOf(TimeWindowPartitions partitions, long index) {
      LocalDate lastDay = partitions.windowEnd(index).minusNanos(1).toLocalDate();
      return ZonedDateTime.of(lastDay.plusDays(1), deadline, partitions.zone()).toInstant();
    }

    /**
     * Returns the first window whose deadline is at or after {@code from} (a deadline is at least
     * the window's end and at most two days after it, so few windows are looked at).
     */
    public long firstIndexDueAtOrAfter(TimeWindowPartitions partitions, Instant from) {
      long index = Math.max(0, partitions.indexAt(from.minus(Duration.ofDays(2))) - 1);
      while (deadlineOf(partitions, index).isBefore(from)) {
        index++;
      }
      return index;
    }

    @Override
    public String toString() {
      return "partitionDeadline(" + deadline + ")";
    }
  }
}
