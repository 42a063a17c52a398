package dev.weft.schedules;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a schedule fires: a cron expression in a time zone, or a fixed interval; optionally limited
 * to a start and an end, and spread by a deterministic jitter. Immutable, validated on
 * construction ({@link InvalidScheduleSpecException} names the bad field), thread-safe, and
 * serializable with Jackson (the schedule's workflow carries it in its state).
 *
 * <pre>{@code
 * ScheduleSpec daily = ScheduleSpec.cron("30 2 * * *").inZone("Europe/Berlin");
 * ScheduleSpec quarterHourly =
 *     ScheduleSpec.every(Duration.ofMinutes(15)).offset(Duration.ofMinutes(5));
 * Optional<Instant> next = daily.nextAfter(Instant.now());
 * }</pre>
 *
 * <p><b>Cron</b>: Unix style, 5 fields ({@code minute hour day-of-month month day-of-week}), 6
 * fields (a seconds field first) or a macro ({@code @yearly @annually @monthly @weekly @daily
 * @midnight @hourly}); parsed by cron-utils. When both day-of-month and day-of-week are
 * restricted, a day matching either fires (as in Unix cron).
 *
 * <p><b>Daylight-saving time</b> (cron only; the zone defaults to UTC):
 *
 * <ul>
 *   <li>A wall-clock time that a spring-forward transition skips fires once, at the first valid
 *       instant after the gap, which is the instant the gap ends: {@code 30 2 * * *} in
 *       Europe/Berlin fires at 03:00 CEST on the last Sunday of March (not at 03:30, where {@code
 *       ZonedDateTime.of} would shift it, and not skipped, as cron-utils' own zone handling does).
 *       Several skipped times (for {@code *}{@code /15 * * * *}) and a time equal to the gap's end
 *       fire once together there.
 *   <li>A wall-clock time that a fall-back transition repeats fires once, at its first occurrence
 *       ({@code 30 2 * * *} in Europe/Berlin: 02:30 CEST), unless the hour field is {@code *} or
 *       {@code *}{@code /n}: such a schedule runs through every real hour, so {@code 0 * * * *}
 *       fires 23 times on the short day and 25 times on the long day, once per real hour.
 * </ul>
 *
 * <p><b>Interval</b>: fire times are {@code epoch + offset + k * interval} for every integer k,
 * whatever the zone (a zone given to an interval has no effect). The interval is at least 1 s and
 * the offset in {@code [0, interval)}.
 *
 * <p><b>Start and end</b> are inclusive bounds on nominal fire times; <b>jitter</b> delays each
 * firing by a deterministic amount (see {@link #jittered}).
 */
@JsonAutoDetect(
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    fieldVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ScheduleSpec {
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final String cronExpression;
  private final Duration interval;
  private final Duration offset;
  private final ZoneId timeZone;
  private final Instant start;
  private final Instant end;
  private final Duration jitter;
  private final FireTimes times;

  /**
   * Reads a spec from JSON ({@code cron} or {@code interval}, and optional {@code offset}, {@code
   * timeZone} (default UTC), {@code start}, {@code end}, {@code jitter}), with the same validation
   * as the factories.
   */
  @JsonCreator
  private static ScheduleSpec fromJson(
      @JsonProperty("cron") String cron,
      @JsonProperty("interval") Duration interval,
      @JsonProperty("offset") Duration offset,
      @JsonProperty("timeZone") String timeZone,
      @JsonProperty("start") Instant start,
      @JsonProperty("end") Instant end,
      @JsonProperty("jitter") Duration jitter) {
    return new ScheduleSpec(cron, interval, offset, zone(timeZone), start, end, jitter);
  }

  private ScheduleSpec(
      String cron,
      Duration interval,
      Duration offset,
      ZoneId timeZone,
      Instant start,
      Instant end,
      Duration jitter) {
    if ((cron == null) == (interval == null)) {
      throw new InvalidScheduleSpecException(
          cron == null ? "cron" : "interval",
          cron == null ? null : String.valueOf(interval),
          cron == null
              ? "a schedule needs a cron expression or an interval; expected exactly one"
              : "given together with cron '" + cron + "'; expected exactly one of them");
    }
    this.cronExpression = cron;
    this.interval = interval;
    this.timeZone = timeZone;
    this.start = start;
    this.end = end;
    if (cron != null) {
      if (offset != null && !offset.isZero()) {
        throw new InvalidScheduleSpecException(
            "offset", offset.toString(), "only for intervals; expected none for a cron schedule");
      }
      this.offset = null;
      this.times = new ZonedCron(CronExpression.parse(cron), timeZone);
    } else {
      if (interval.compareTo(MIN_INTERVAL) < 0) {
        throw new InvalidScheduleSpecException(
            "interval", interval.toString(), "expected a duration of at least 1 s (PT1S)");
      }
      this.offset = offset == null ? Duration.ZERO : offset;
      if (this.offset.isNegative() || this.offset.compareTo(interval) >= 0) {
        throw new InvalidScheduleSpecException(
            "offset", this.offset.toString(), "expected 0 <= offset < interval (" + interval + ")");
      }
      this.times = new FixedInterval(interval, this.offset);
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidScheduleSpecException(
          "end", end.toString(), "is before start " + start + "; expected an end at or after it");
    }
    if (jitter != null && jitter.isNegative()) {
      throw new InvalidScheduleSpecException(
          "jitter", jitter.toString(), "expected a duration of zero or more");
    }
    if (jitter != null && interval != null && jitter.compareTo(interval) >= 0) {
      throw new InvalidScheduleSpecException(
          "jitter", jitter.toString(), "expected less than the interval (" + interval + ")");
    }
    this.jitter = jitter == null || jitter.isZero() ? null : jitter;
  }

  /**
   * A schedule that fires on a cron expression (5 fields, 6 with seconds first, or a macro such as
   * {@code @daily}), in UTC until {@link #inZone} says otherwise.
   *
   * @throws InvalidScheduleSpecException naming the bad field of the expression and its range
   */
  public static ScheduleSpec cron(String expression) {
    return new ScheduleSpec(expression, null, null, UTC, null, null, null);
  }

  /**
   * A schedule that fires every {@code interval} (at least 1 s), counted from the epoch.
   *
   * @throws InvalidScheduleSpecException if the interval is missing or under 1 s
   */
  public static ScheduleSpec every(Duration interval) {
    if (interval == null) {
      throw new InvalidScheduleSpecException(
          "interval", null, "expected a duration of at least 1 s");
    }
    return new ScheduleSpec(null, interval, null, UTC, null, null, null);
  }

  /**
   * This interval schedule shifted by {@code offset} from the epoch.
   *
   * @throws InvalidScheduleSpecException if the offset is outside {@code [0, interval)} or this is
   *     a cron schedule
   */
  public ScheduleSpec offset(Duration offset) {
    return new ScheduleSpec(cronExpression, interval, offset, timeZone, start, end, jitter);
  }

  /**
   * This schedule in a time zone (an IANA ID such as {@code Europe/Berlin}, or an offset).
   *
   * @throws InvalidScheduleSpecException if the zone is unknown
   */
  public ScheduleSpec inZone(String zoneId) {
    if (zoneId == null) {
      throw new InvalidScheduleSpecException(
          "timeZone", null, "expected an IANA zone such as Europe/Berlin");
    }
    return inZone(zone(zoneId));
  }

  /** This schedule in a time zone. */
  public ScheduleSpec inZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return new ScheduleSpec(cronExpression, interval, offset, zone, start, end, jitter);
  }

  /**
   * This schedule with no nominal fire time before {@code start} (inclusive).
   *
   * @throws InvalidScheduleSpecException if the end is before the start
   */
  public ScheduleSpec startingAt(Instant start) {
    return new ScheduleSpec(cronExpression, interval, offset, timeZone, start, end, jitter);
  }

  /**
   * This schedule with no nominal fire time after {@code end} (inclusive).
   *
   * @throws InvalidScheduleSpecException if the end is before the start
   */
  public ScheduleSpec endingAt(Instant end) {
    return new ScheduleSpec(cronExpression, interval, offset, timeZone, start, end, jitter);
  }

  /**
   * This schedule with each firing delayed by a deterministic amount under {@code jitter} (see
   * {@link #jittered}); zero means none.
   *
   * @throws InvalidScheduleSpecException if the jitter is negative, or not under the interval of an
   *     interval schedule (a cron schedule's gaps vary, so there each delay is kept under the gap
   *     to the next fire time instead)
   */
  public ScheduleSpec withJitter(Duration jitter) {
    return new ScheduleSpec(cronExpression, interval, offset, timeZone, start, end, jitter);
  }

  /** Returns the cron expression as written, or {@code null} for an interval schedule. */
  @JsonProperty("cron")
  public String cronExpression() {
    return cronExpression;
  }

  /** Returns the interval, or {@code null} for a cron schedule. */
  @JsonProperty("interval")
  public Duration interval() {
    return interval;
  }

  /** Returns the interval's offset from the epoch, or {@code null} for a cron schedule. */
  @JsonProperty("offset")
  public Duration offset() {
    return offset;
  }

  /** Returns the time zone of the cron expression (UTC unless set). */
  @JsonProperty("timeZone")
  public ZoneId timeZone() {
    return timeZone;
  }

  /** Returns the earliest nominal fire time (inclusive), or {@code null}. */
  @JsonProperty("start")
  public Instant start() {
    return start;
  }

  /** Returns the latest nominal fire time (inclusive), or {@code null}. */
  @JsonProperty("end")
  public Instant end() {
    return end;
  }

  /** Returns the maximum jitter, or {@code null} for none. */
  @JsonProperty("jitter")
  public Duration jitter() {
    return jitter;
  }

  /**
   * Returns the first nominal fire time strictly after {@code time} and inside start and end, or
   * empty when the schedule has ended.
   */
  public Optional<Instant> nextAfter(Instant time) {
    Objects.requireNonNull(time, "time");
    Instant from = start != null && start.isAfter(time) ? start.minusNanos(1) : time;
    Optional<Instant> next = times.nextAfter(from);
    return next.filter(t -> end == null || !t.isAfter(end));
  }

  /** Returns up to {@code n} nominal fire times strictly after {@code after}, in order. */
  public List<Instant> next(Instant after, int n) {
    return collect(after, null, n);
  }

  /**
   * Returns the nominal fire times in {@code (fromExclusive, toInclusive]}, in order, at most
   * {@code limit} of them.
   */
  public List<Instant> between(Instant fromExclusive, Instant toInclusive, int limit) {
    Objects.requireNonNull(toInclusive, "toInclusive");
    return collect(fromExclusive, toInclusive, limit);
  }

  /**
   * Returns when a firing at {@code nominal} actually runs: {@code nominal} plus an offset in
   * {@code [0, jitter)} derived from a hash of the schedule ID and the nominal time, so that every
   * node and every replay computes the same instant. The offset is also kept before the next
   * nominal fire time, so a jittered firing never passes the next one. Millisecond precision.
   */
  public Instant jittered(String scheduleId, Instant nominal) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(nominal, "nominal");
    if (jitter == null) {
      return nominal;
    }
    Duration window = jitter;
    Optional<Instant> next = times.nextAfter(nominal);
    if (next.isPresent() && Duration.between(nominal, next.get()).compareTo(window) < 0) {
      window = Duration.between(nominal, next.get());
    }
    return nominal.plus(Jitter.delay(scheduleId, nominal, window));
  }

  private List<Instant> collect(Instant after, Instant toInclusive, int limit) {
    Objects.requireNonNull(after, "after");
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + ": expected 0 or more");
    }
    List<Instant> times = new ArrayList<>();
    Instant cursor = after;
    while (times.size() < limit) {
      Optional<Instant> next = nextAfter(cursor);
      if (next.isEmpty() || (toInclusive != null && next.get().isAfter(toInclusive))) {
        break;
      }
      times.add(next.get());
      cursor = next.get();
    }
    return List.copyOf(times);
  }

  private static ZoneId zone(String zoneId) {
    if (zoneId == null) {
      return UTC;
    }
    try {
      return ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new InvalidScheduleSpecException(
          "timeZone", zoneId, "unknown; expected an IANA zone such as Europe/Berlin");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScheduleSpec s
        && Objects.equals(cronExpression, s.cronExpression)
        && Objects.equals(interval, s.interval)
        && Objects.equals(offset, s.offset)
        && timeZone.equals(s.timeZone)
        && Objects.equals(start, s.start)
        && Objects.equals(end, s.end)
        && Objects.equals(jitter, s.jitter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cronExpression, interval, offset, timeZone, start, end, jitter);
  }

  /** Readable, for logs and descriptions: {@code cron '0 2 * * *' in Europe/Berlin}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (cronExpression != null) {
      text.append("cron '").append(cronExpression).append("' in ").append(timeZone);
    } else {
      text.append("every ").append(interval);
      if (!offset.isZero()) {
        text.append(" offset ").append(offset);
      }
    }
    if (start != null) {
      text.append(", from ").append(start);
    }
    if (end != null) {
      text.append(", until ").append(end);
    }
    if (jitter != null) {
      text.append(", jitter ").append(jitter);
    }
    return text.toString();
  }
}
