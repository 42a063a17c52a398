package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleSpecTest {
  private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void fiveFieldCronFiresAtItsTimeInUtcByDefault() {
    assertThat(ScheduleSpec.cron("0 2 * * *").next(NEW_YEAR, 3))
        .containsExactly(
            Instant.parse("2026-01-01T02:00:00Z"),
            Instant.parse("2026-01-02T02:00:00Z"),
            Instant.parse("2026-01-03T02:00:00Z"));
  }

  @Test
  void sixFieldsTakeTheSecondsFirst() {
    assertThat(ScheduleSpec.cron("30 0 2 * * *").next(NEW_YEAR, 2))
        .containsExactly(
            Instant.parse("2026-01-01T02:00:30Z"), Instant.parse("2026-01-02T02:00:30Z"));
    assertThat(ScheduleSpec.cron("*/20 * * * * *").next(NEW_YEAR, 3))
        .containsExactly(
            Instant.parse("2026-01-01T00:00:20Z"),
            Instant.parse("2026-01-01T00:00:40Z"),
            Instant.parse("2026-01-01T00:01:00Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "@yearly, 0 0 1 1 *",
    "@annually, 0 0 1 1 *",
    "@monthly, 0 0 1 * *",
    "@weekly, 0 0 * * 0",
    "@daily, 0 0 * * *",
    "@midnight, 0 0 * * *",
    "@hourly, 0 * * * *"
  })
  void macroFiresAsItsUnixEquivalent(String macro, String equivalent) {
    assertThat(ScheduleSpec.cron(macro).next(NEW_YEAR, 5))
        .hasSize(5)
        .isEqualTo(ScheduleSpec.cron(equivalent).next(NEW_YEAR, 5));
  }

  @Test
  void dayAndMonthNamesAreAccepted() {
    // 2026-01-02 is a Friday: the next weekday mornings are Fri 2, Mon 5, Tue 6.
    assertThat(
            ScheduleSpec.cron("0 9 * JAN MON-FRI").next(Instant.parse("2026-01-01T12:00:00Z"), 3))
        .containsExactly(
            Instant.parse("2026-01-02T09:00:00Z"),
            Instant.parse("2026-01-05T09:00:00Z"),
            Instant.parse("2026-01-06T09:00:00Z"));
  }

  @Test
  void nextAfterIsStrictlyAfterTheGivenTime() {
    ScheduleSpec spec = ScheduleSpec.cron("0 2 * * *");
    assertThat(spec.nextAfter(Instant.parse("2026-01-01T02:00:00Z")))
        .contains(Instant.parse("2026-01-02T02:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 25 * * *      | field 2 (hour) '25': | expected 0-23",
        "61 * * * *      | field 1 (minute) '61': | expected 0-59",
        "0 0 32 * *      | field 3 (day-of-month) '32': | expected 1-31",
        "0 0 * 13 *      | field 4 (month) '13': | expected 1-12 or JAN-DEC",
        "0 0 * * 8       | field 5 (day-of-week) '8': | expected 0-7 or SUN-SAT",
        "0 x * * *       | field 2 (hour) 'x': | expected 0-23",
        "60 0 0 * * *    | field 1 (second) '60': | expected 0-59",
        "0 0 24 * * *    | field 3 (hour) '24': | expected 0-23",
        "0 0 * *         | has 4 fields; | expected 5 (minute hour day-of-month month day-of-week)",
        "0 0 0 0 * * *   | has 7 fields; | expected 5",
        "@fortnightly    | unknown macro; | expected one of @yearly",
        "0 0 30 2 *      | matches no date; | expected a day-of-month that exists"
      })
  void invalidCronNamesTheBadFieldAndWhatWasExpected(
      String expression, String problem, String expected) {
    assertThatThrownBy(() -> ScheduleSpec.cron(expression))
        .isInstanceOfSatisfying(
            InvalidScheduleSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo("cron");
              assertThat(e.value()).isEqualTo(expression);
              assertThat(e.getMessage())
                  .startsWith("cron '" + expression + "': " + problem)
                  .contains(expected);
            });
  }

  @Test
  void anUnknownTimeZoneIsNamed() {
    assertThatThrownBy(() -> ScheduleSpec.cron("0 2 * * *").inZone("Mars/Olympus"))
        .isInstanceOf(InvalidScheduleSpecException.class)
        .hasMessage("timeZone 'Mars/Olympus': unknown; expected an IANA zone such as Europe/Berlin")
        .extracting(e -> ((InvalidScheduleSpecException) e).field())
        .isEqualTo("timeZone");
  }

  @Test
  void anEndBeforeTheStartIsRejected() {
    ScheduleSpec started = ScheduleSpec.cron("0 2 * * *").startingAt(NEW_YEAR);
    assertThatThrownBy(() -> started.endingAt(NEW_YEAR.minusSeconds(1)))
        .isInstanceOf(InvalidScheduleSpecException.class)
        .hasMessage(
            "end '2025-12-31T23:59:59Z': is before start 2026-01-01T00:00:00Z;"
                + " expected an end at or after it");
  }

  @ParameterizedTest
  @CsvSource({"PT0S", "-PT1H", "PT0.5S"})
  void anIntervalUnderOneSecondIsRejected(Duration interval) {
    assertThatThrownBy(() -> ScheduleSpec.every(interval))
        .isInstanceOf(InvalidScheduleSpecException.class)
        .hasMessage("interval '" + interval + "': expected a duration of at least 1 s (PT1S)");
  }

  @Test
  void aJitterMustBeNonNegativeAndUnderTheInterval() {
    ScheduleSpec hourly = ScheduleSpec.every(Duration.ofHours(1));
    assertThatThrownBy(() -> hourly.withJitter(Duration.ofSeconds(-1)))
        .hasMessage("jitter 'PT-1S': expected a duration of zero or more");
    assertThatThrownBy(() -> hourly.withJitter(Duration.ofHours(1)))
        .hasMessage("jitter 'PT1H': expected less than the interval (PT1H)");
  }

  @Test
  void anOffsetMustBeInsideTheIntervalAndOnlyForIntervals() {
    assertThatThrownBy(() -> ScheduleSpec.every(Duration.ofHours(1)).offset(Duration.ofHours(1)))
        .hasMessage("offset 'PT1H': expected 0 <= offset < interval (PT1H)");
    assertThatThrownBy(() -> ScheduleSpec.cron("0 2 * * *").offset(Duration.ofMinutes(5)))
        .hasMessage("offset 'PT5M': only for intervals; expected none for a cron schedule");
  }

  @Test
  void aDayMatchingEitherDayOfMonthOrDayOfWeekFiresAsInUnixCron() {
    // the 13th, or any Friday: Fri 2, Fri 9, Tue 13, Fri 16 January 2026
    assertThat(ScheduleSpec.cron("0 0 13 * 5").next(NEW_YEAR, 4))
        .containsExactly(
            Instant.parse("2026-01-02T00:00:00Z"),
            Instant.parse("2026-01-09T00:00:00Z"),
            Instant.parse("2026-01-13T00:00:00Z"),
            Instant.parse("2026-01-16T00:00:00Z"));
  }

  @Test
  void aMissingIntervalOrZoneIsNamed() {
    assertThatThrownBy(() -> ScheduleSpec.every(null))
        .hasMessage("interval (missing): expected a duration of at least 1 s");
    assertThatThrownBy(() -> ScheduleSpec.cron("@daily").inZone((String) null))
        .hasMessage("timeZone (missing): expected an IANA zone such as Europe/Berlin");
  }

  @Test
  void aTimeBeforeTheStartFindsTheStartItselfWhenItIsAFireTime() {
    Instant start = Instant.parse("2026-01-03T02:00:00Z");
    ScheduleSpec spec = ScheduleSpec.cron("0 2 * * *").startingAt(start);
    assertThat(spec.nextAfter(NEW_YEAR)).contains(start);
    assertThat(spec.nextAfter(start)).contains(start.plus(Duration.ofDays(1)));
  }

  @Test
  void anIntervalCountsFromTheEpochPlusItsOffset() {
    ScheduleSpec spec = ScheduleSpec.every(Duration.ofMinutes(15)).offset(Duration.ofMinutes(5));
    assertThat(spec.next(Instant.parse("2026-01-01T00:07:00Z"), 3))
        .containsExactly(
            Instant.parse("2026-01-01T00:20:00Z"),
            Instant.parse("2026-01-01T00:35:00Z"),
            Instant.parse("2026-01-01T00:50:00Z"));
    assertThat(spec.nextAfter(Instant.parse("2026-01-01T00:20:00Z")))
        .contains(Instant.parse("2026-01-01T00:35:00Z"));
  }

  @Test
  void anIntervalWorksBeforeTheEpochToo() {
    assertThat(
            ScheduleSpec.every(Duration.ofHours(1))
                .nextAfter(Instant.parse("1969-12-31T22:30:00Z")))
        .contains(Instant.parse("1969-12-31T23:00:00Z"));
  }

  @Test
  void startAndEndAreInclusiveBounds() {
    ScheduleSpec spec =
        ScheduleSpec.cron("0 2 * * *")
            .startingAt(Instant.parse("2026-01-03T02:00:00Z"))
            .endingAt(Instant.parse("2026-01-05T02:00:00Z"));
    assertThat(spec.next(NEW_YEAR, 10))
        .containsExactly(
            Instant.parse("2026-01-03T02:00:00Z"),
            Instant.parse("2026-01-04T02:00:00Z"),
            Instant.parse("2026-01-05T02:00:00Z"));
    assertThat(spec.nextAfter(Instant.parse("2026-01-05T02:00:00Z"))).isEmpty();
  }

  @Test
  void betweenIsExclusiveAtTheStartInclusiveAtTheEndAndLimited() {
    ScheduleSpec hourly = ScheduleSpec.cron("@hourly");
    Instant from = Instant.parse("2026-01-01T01:00:00Z");
    Instant to = Instant.parse("2026-01-01T04:00:00Z");
    assertThat(hourly.between(from, to, 100))
        .containsExactly(
            Instant.parse("2026-01-01T02:00:00Z"),
            Instant.parse("2026-01-01T03:00:00Z"),
            Instant.parse("2026-01-01T04:00:00Z"));
    assertThat(hourly.between(from, to, 2)).hasSize(2);
    assertThat(hourly.between(to, from, 100)).isEmpty();
  }

  @Test
  void jitterIsDeterministicAndInsideItsWindow() {
    ScheduleSpec spec = ScheduleSpec.every(Duration.ofHours(1)).withJitter(Duration.ofMinutes(10));
    Set<Instant> seen = new HashSet<>();
    for (Instant nominal : spec.next(NEW_YEAR, 50)) {
      Instant jittered = spec.jittered("nightly-report", nominal);
      assertThat(jittered).isEqualTo(spec.jittered("nightly-report", nominal));
      assertThat(jittered).isBetween(nominal, nominal.plus(Duration.ofMinutes(10)).minusMillis(1));
      seen.add(jittered.minusMillis(nominal.toEpochMilli()));
    }
    assertThat(seen).as("offsets differ between firings").hasSizeGreaterThan(40);
    Instant nominal = Instant.parse("2026-01-01T05:00:00Z");
    assertThat(spec.jittered("a", nominal)).isNotEqualTo(spec.jittered("b", nominal));
  }

  @Test
  void jitterNeverPassesTheNextNominalTime() {
    ScheduleSpec everyMinute = ScheduleSpec.cron("* * * * *").withJitter(Duration.ofMinutes(10));
    for (Instant nominal : everyMinute.next(NEW_YEAR, 100)) {
      assertThat(everyMinute.jittered("busy", nominal))
          .isBetween(nominal, nominal.plusSeconds(60).minusMillis(1));
    }
  }

  @Test
  void withoutJitterAFiringRunsAtItsNominalTime() {
    Instant nominal = Instant.parse("2026-01-01T02:00:00Z");
    assertThat(ScheduleSpec.cron("0 2 * * *").jittered("x", nominal)).isEqualTo(nominal);
  }

  @Test
  void toStringReadsAsASentence() {
    assertThat(ScheduleSpec.cron("0 2 * * *").inZone("Europe/Berlin"))
        .hasToString("cron '0 2 * * *' in Europe/Berlin");
    assertThat(
            ScheduleSpec.every(Duration.ofHours(1))
                .offset(Duration.ofMinutes(5))
                .withJitter(Duration.ofMinutes(1)))
        .hasToString("every PT1H offset PT5M, jitter PT1M");
  }

  @Test
  void specsWithTheSameFieldsAreEqual() {
    assertThat(ScheduleSpec.cron("0 2 * * *").inZone("Europe/Berlin"))
        .isEqualTo(ScheduleSpec.cron("0 2 * * *").inZone(java.time.ZoneId.of("Europe/Berlin")))
        .hasSameHashCodeAs(ScheduleSpec.cron("0 2 * * *").inZone("Europe/Berlin"))
        .isNotEqualTo(ScheduleSpec.cron("0 2 * * *"));
    assertThat(List.of(ScheduleSpec.cron("@daily"))).doesNotContain(ScheduleSpec.cron("@hourly"));
  }
}
