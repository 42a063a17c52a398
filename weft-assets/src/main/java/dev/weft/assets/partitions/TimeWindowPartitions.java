package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Consecutive time windows (hourly, daily, weekly, monthly) in a time zone, from a start, to an
 * optional end. Index {@code i} is the {@code i}-th window since the start; the key is the window's
 * local start, formatted like Dagster's: {@code 2024-01-01} (daily, weekly, monthly) and {@code
 * 2024-01-01-13:00} (hourly).
 *
 * <p><b>Time zones and DST.</b> Windows are computed in the zone with {@link ZonedDateTime}. A day
 * is the interval from one local start of day to the next, so a spring-forward day is one window of
 * 23 hours and a fall-back day one of 25. Hourly windows are real hours (3,600 s each) from the
 * start: across a DST change there is no duplicate and no gap. On a spring-forward day the skipped
 * local hour has no window (New York on 2024-03-10 goes from {@code 2024-03-10-01:00} to {@code
 * 2024-03-10-03:00}); on a fall-back day the repeated local hour has two windows: the first keyed
 * {@code 2024-11-03-01:00}, the second keyed with the offset it has, {@code
 * 2024-11-03-01:00-05:00}. A key without an offset always means the earlier of the two.
 *
 * <p><b>Which windows exist.</b> A window exists once it has ended (like Dagster): at 2024-01-03
 * 10:00 the daily windows of 2024-01-01 and 2024-01-02 exist. An end (exclusive) keeps only the
 * windows that end at or before it.
 *
 * <pre>{@code
 * TimeWindowPartitions days =
 *     TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneId.of("Europe/Berlin"));
 * TimeWindowPartitions january = days.end(LocalDate.of(2024, 2, 1));   // 31 windows
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when granularity, start, zone and end are equal.
 */
public final class TimeWindowPartitions implements PartitionsDefinition {
  private final TimeGranularity granularity;
  private final LocalDateTime start;
  private final ZoneId zone;
  private final LocalDateTime end;
  private final Instant startInstant;
  private final long limit;

  private TimeWindowPartitions(
      TimeGranularity granularity, LocalDateTime start, ZoneId zone, LocalDateTime end) {
    this.granularity = granularity;
    this.start = start;
    this.zone = zone;
    this.end = end;
    this.startInstant = ZonedDateTime.ofLocal(start, zone, null).toInstant();
    if (end == null) {
      this.limit = Long.MAX_VALUE;
    } else {
      long last = indexAt(ZonedDateTime.ofLocal(end, zone, null).toInstant());
      if (last <= 0) {
        throw new IllegalArgumentException(
            "time windows " + describeRange() + " ending at " + end + " hold no window");
      }
      this.limit = last;
    }
  }

  /** Hourly windows from the hour at or after {@code start} (local) in {@code zone}. */
  public static TimeWindowPartitions hourly(LocalDateTime start, ZoneId zone) {
    LocalDateTime first = start.truncatedTo(ChronoUnit.HOURS);
    if (!first.equals(start)) {
      first = first.plusHours(1);
    }
    return new TimeWindowPartitions(TimeGranularity.HOURLY, first, zone, null);
  }

  /** Hourly windows from the start of {@code start} in {@code zone}. */
  public static TimeWindowPartitions hourly(LocalDate start, ZoneId zone) {
    return hourly(start.atStartOfDay(), zone);
  }

  /** Daily windows from {@code start} in {@code zone}. */
  public static TimeWindowPartitions daily(LocalDate start, ZoneId zone) {
    return new TimeWindowPartitions(TimeGranularity.DAILY, start.atStartOfDay(), zone, null);
  }

  /** Weekly windows starting on {@code start}'s day of the week, from {@code start}. */
  public static TimeWindowPartitions weekly(LocalDate start, ZoneId zone) {
    return weekly(start, zone, start.getDayOfWeek());
  }

  /**
   * Weekly windows starting on {@code firstDay}, from the first such day on or after {@code start}
   * (Dagster's default is Sunday).
   */
  public static TimeWindowPartitions weekly(LocalDate start, ZoneId zone, DayOfWeek firstDay) {
    LocalDate first = start.with(TemporalAdjusters.nextOrSame(firstDay));
    return new TimeWindowPartitions(TimeGranularity.WEEKLY, first.atStartOfDay(), zone, null);
  }

  /** Monthly windows from the first first-of-month on or after {@code start}. */
  public static TimeWindowPartitions monthly(LocalDate start, ZoneId zone) {
    LocalDate first = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
    return new TimeWindowPartitions(TimeGranularity.MONTHLY, first.atStartOfDay(), zone, null);
  }

  /**
   * Returns these windows ending at {@code endExclusive} (local, in the zone): the windows that end
   * at or before it.
   *
   * @throws IllegalArgumentException when no window would be left
   */
  public TimeWindowPartitions end(LocalDateTime endExclusive) {
    return new TimeWindowPartitions(granularity, start, zone, Objects.requireNonNull(endExclusive));
  }

  /** Returns these windows ending at the start of {@code endExclusive}. */
  public TimeWindowPartitions end(LocalDate endExclusive) {
    return end(endExclusive.atStartOfDay());
  }

  /** Returns the granularity. */
  public TimeGranularity granularity() {
    return granularity;
  }

  /** Returns the local start of the first window. */
  public LocalDateTime start() {
    return start;
  }

  /** Returns the zone. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the end (exclusive, local), if any. */
  public Optional<LocalDateTime> end() {
    return Optional.ofNullable(end);
  }

  /**
   * Returns the number of the window containing {@code instant}, counted from the first window: may
   * be negative (before the start) or past the end; callers clip.
   */
  public long indexAt(Instant instant) {
    ZonedDateTime at = instant.atZone(zone);
    LocalDate first = start.toLocalDate();
    return switch (granularity) {
      case HOURLY -> Math.floorDiv(instant.getEpochSecond() - startInstant.getEpochSecond(), 3600);
      case DAILY -> ChronoUnit.DAYS.between(first, at.toLocalDate());
      case WEEKLY -> Math.floorDiv(ChronoUnit.DAYS.between(first, at.toLocalDate()), 7);
      case MONTHLY -> ChronoUnit.MONTHS.between(first, at.toLocalDate().withDayOfMonth(1));
    };
  }

  /**
   * Returns the end of the indexes whose windows can be computed: the definition's end, or the
   * windows starting before 9999-12-31 when it has none.
   */
  long computableEnd() {
    if (limit != Long.MAX_VALUE) {
      return limit;
    }
    return Math.max(1, indexAt(LocalDate.of(9999, 12, 31).atStartOfDay(zone).toInstant()));
  }

  /** Returns the start of window {@code index} (any index, also outside the definition). */
  public ZonedDateTime windowStart(long index) {
    LocalDate first = start.toLocalDate();
    return switch (granularity) {
      case HOURLY -> startInstant.plusSeconds(Math.multiplyExact(index, 3600L)).atZone(zone);
      case DAILY -> first.plusDays(index).atStartOfDay(zone);
      case WEEKLY -> first.plusWeeks(index).atStartOfDay(zone);
      case MONTHLY -> first.plusMonths(index).atStartOfDay(zone);
    };
  }

  /** Returns the end (exclusive) of window {@code index}: the start of the next one. */
  public ZonedDateTime windowEnd(long index) {
    return windowStart(index + 1);
  }

  @Override
  public long index(String key, PartitionsContext ctx) {
    long index = TimeWindowKeys.parse(this, key);
    if (index < 0 || index >= limit) {
      throw PartitionKeyException.ofKey(key, this, "outside " + describeRange());
    }
    return index;
  }

  @Override
  public String key(long index, PartitionsContext ctx) {
    if (index < 0 || index >= limit) {
      throw PartitionKeyException.ofIndex(
          index, this, "expected an index in [0, " + (limit == Long.MAX_VALUE ? "∞" : limit) + ")");
    }
    return TimeWindowKeys.format(this, windowStart(index));
  }

  @Override
  public IndexRange declaredRange() {
    return new IndexRange(0, limit);
  }

  @Override
  public IndexRangeSet validIndexes(PartitionsContext ctx) {
    long ended = Math.min(Math.max(indexAt(ctx.now()), 0), limit);
    return ended == 0 ? IndexRangeSet.empty() : IndexRangeSet.of(new IndexRange(0, ended));
  }

  @Override
  public Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "time-window");
    d.put("granularity", granularity.name().toLowerCase(java.util.Locale.ROOT));
    d.put("start", TimeWindowKeys.format(this, windowStart(0)));
    d.put("end", end == null ? null : end.toString());
    d.put("zone", zone.getId());
    if (granularity == TimeGranularity.WEEKLY) {
      d.put("firstDayOfWeek", start.getDayOfWeek().name());
    }
    return d;
  }

  private String describeRange() {
    String from =
        start.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? start.toLocalDate().toString()
            : start.toString();
    return granularity.name().toLowerCase(java.util.Locale.ROOT)
        + " partitions from "
        + from
        + (end == null ? "" : " to " + end + " (exclusive)")
        + " in "
        + zone.getId();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeWindowPartitions t
        && t.granularity == granularity
        && t.start.equals(start)
        && t.zone.equals(zone)
        && Objects.equals(t.end, end);
  }

  @Override
  public int hashCode() {
    return Objects.hash(granularity, start, zone, end);
  }

  @Override
  public String toString() {
    return describeRange();
  }
}
