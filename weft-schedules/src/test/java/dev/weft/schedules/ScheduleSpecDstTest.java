package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cron schedules across daylight-saving transitions, each case in three zones whose transitions
 * fall on different dates and (for New York's fall-back) different hours.
 */
class ScheduleSpecDstTest {

  /**
   * A zone and its 2026 transitions.
   *
   * @param springDay the day clocks jump from 02:00 to 03:00
   * @param fallDay the day clocks go back
   * @param repeatedHour the local hour that the fall-back repeats
   */
  record Zone(String id, LocalDate springDay, LocalDate fallDay, int repeatedHour) {
    ZoneId zone() {
      return ZoneId.of(id);
    }

    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Zone> zones() {
    return Stream.of(
        new Zone("Europe/Berlin", LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), 2),
        new Zone("America/New_York", LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1), 1),
        new Zone("Australia/Sydney", LocalDate.of(2026, 10, 4), LocalDate.of(2026, 4, 5), 2));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void aDailyTimeInsideTheSpringGapFiresOnceWhenTheGapEnds(Zone z) {
    ScheduleSpec daily = ScheduleSpec.cron("30 2 * * *").inZone(z.id());
    assertThat(firingsOn(daily, z.zone(), z.springDay()))
        .containsExactly(ZonedDateTime.of(z.springDay(), LocalTime.of(3, 0), z.zone()).toInstant());
    assertThat(firingsOn(daily, z.zone(), z.springDay().minusDays(1)))
        .containsExactly(local(z, z.springDay().minusDays(1), 2, 30));
    assertThat(firingsOn(daily, z.zone(), z.springDay().plusDays(1)))
        .containsExactly(local(z, z.springDay().plusDays(1), 2, 30));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void aSixFieldDailyTimeInsideTheSpringGapFiresOnceToo(Zone z) {
    ScheduleSpec daily = ScheduleSpec.cron("0 30 2 * * *").inZone(z.id());
    assertThat(firingsOn(daily, z.zone(), z.springDay()))
        .containsExactly(ZonedDateTime.of(z.springDay(), LocalTime.of(3, 0), z.zone()).toInstant());
  }

  @ParameterizedTest
  @MethodSource("zones")
  void aDailyTimeThatTheFallBackRepeatsFiresOnceAtItsFirstOccurrence(Zone z) {
    ScheduleSpec daily = ScheduleSpec.cron("30 " + z.repeatedHour() + " * * *").inZone(z.id());
    Instant first =
        ZonedDateTime.of(z.fallDay(), LocalTime.of(z.repeatedHour(), 30), z.zone())
            .withEarlierOffsetAtOverlap()
            .toInstant();
    assertThat(firingsOn(daily, z.zone(), z.fallDay())).containsExactly(first);
    // asked from inside the repeated hour, the next firing is the next day's
    Instant secondPass = first.plus(Duration.ofMinutes(45));
    assertThat(daily.nextAfter(secondPass))
        .contains(local(z, z.fallDay().plusDays(1), z.repeatedHour(), 30));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void anHourlyScheduleFiresOncePerRealHour23TimesOnTheShortDay(Zone z) {
    List<Instant> firings =
        firingsOn(ScheduleSpec.cron("0 * * * *").inZone(z.id()), z.zone(), z.springDay());
    assertThat(firings).hasSize(23).doesNotHaveDuplicates();
    assertThat(gaps(firings)).containsOnly(Duration.ofHours(1));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void anHourlyScheduleFiresOncePerRealHour25TimesOnTheLongDay(Zone z) {
    List<Instant> firings =
        firingsOn(ScheduleSpec.cron("@hourly").inZone(z.id()), z.zone(), z.fallDay());
    assertThat(firings).hasSize(25).doesNotHaveDuplicates();
    assertThat(gaps(firings)).containsOnly(Duration.ofHours(1));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void aQuarterHourlyScheduleKeepsFifteenRealMinutesAcrossBothTransitions(Zone z) {
    ScheduleSpec spec = ScheduleSpec.cron("*/15 * * * *").inZone(z.id());
    List<Instant> shortDay = firingsOn(spec, z.zone(), z.springDay());
    List<Instant> longDay = firingsOn(spec, z.zone(), z.fallDay());
    assertThat(shortDay).hasSize(23 * 4);
    assertThat(longDay).hasSize(25 * 4);
    assertThat(gaps(shortDay)).containsOnly(Duration.ofMinutes(15));
    assertThat(gaps(longDay)).containsOnly(Duration.ofMinutes(15));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void nextAfterFromInsideTheRepeatedHourFindsItsSecondPass(Zone z) {
    ScheduleSpec hourly = ScheduleSpec.cron("0 * * * *").inZone(z.id());
    ZonedDateTime firstPass =
        ZonedDateTime.of(z.fallDay(), LocalTime.of(z.repeatedHour(), 15), z.zone())
            .withEarlierOffsetAtOverlap();
    Instant secondPassStart =
        ZonedDateTime.of(z.fallDay(), LocalTime.of(z.repeatedHour(), 0), z.zone())
            .withLaterOffsetAtOverlap()
            .toInstant();
    assertThat(hourly.nextAfter(firstPass.toInstant())).contains(secondPassStart);
    assertThat(hourly.nextAfter(secondPassStart.plusSeconds(60)))
        .contains(local(z, z.fallDay(), z.repeatedHour() + 1, 0));
  }

  @ParameterizedTest
  @MethodSource("zones")
  void aYearOfDailyFiringsHasOneFiringPerLocalDay(Zone z) {
    for (int year : new int[] {2026, 2028}) {
      ScheduleSpec daily = ScheduleSpec.cron("30 2 * * *").inZone(z.id());
      Instant from = LocalDate.of(year, 1, 1).atStartOfDay(z.zone()).toInstant().minusNanos(1);
      Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(z.zone()).toInstant().minusNanos(1);
      List<Instant> firings = daily.between(from, to, 1000);
      int days = LocalDate.of(year, 1, 1).lengthOfYear();
      assertThat(firings).hasSize(days).doesNotHaveDuplicates().isSorted();
      assertThat(firings.stream().map(i -> LocalDate.ofInstant(i, z.zone())).distinct())
          .hasSize(days);
    }
  }

  @ParameterizedTest
  @MethodSource("zones")
  void anIntervalIgnoresTheZone(Zone z) {
    ScheduleSpec utc = ScheduleSpec.every(Duration.ofMinutes(90));
    ScheduleSpec zoned = utc.inZone(z.id());
    Instant from = z.fallDay().atStartOfDay(z.zone()).toInstant();
    List<Instant> firings = zoned.next(from, 20);
    assertThat(firings).isEqualTo(utc.next(from, 20));
    assertThat(gaps(firings)).containsOnly(Duration.ofMinutes(90));
  }

  private static List<Instant> firingsOn(ScheduleSpec spec, ZoneId zone, LocalDate day) {
    Instant from = day.atStartOfDay(zone).toInstant().minusNanos(1);
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    return spec.between(from, to, 1000);
  }

  private static Instant local(Zone z, LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(z.zone()).toInstant();
  }

  private static List<Duration> gaps(List<Instant> times) {
    return IntStream.range(1, times.size())
        .mapToObj(i -> Duration.between(times.get(i - 1), times.get(i)))
        .toList();
  }
}
