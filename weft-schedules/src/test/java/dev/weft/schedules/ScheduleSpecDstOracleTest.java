package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the fire times of cron schedules on transition days with a brute-force reading of the
 * rules, minute by minute over real time: a minute fires when its wall-clock time matches (at a
 * repeated time only on the first pass, unless the hour field starts with {@code *}), and the
 * instant a gap ends fires when any skipped wall-clock time matches.
 */
class ScheduleSpecDstOracleTest {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  static Stream<Arguments> cases() {
    List<String> expressions =
        List.of(
            "30 2 * * *",
            "0 * * * *",
            "*/15 * * * *",
            "45 1-3 * * *",
            "0,30 */2 * * *",
            "*/7 2 * * *",
            "0 0 * * *");
    List<Arguments> cases = new ArrayList<>();
    for (String zone : List.of("Europe/Berlin", "America/New_York", "Australia/Sydney")) {
      for (LocalDate day : transitionDays(ZoneId.of(zone), 2026)) {
        for (String expression : expressions) {
          cases.add(Arguments.of(expression, zone, day));
        }
      }
    }
    // a gap at midnight (Sao Paulo, 2018): @daily fires when the gap ends, at 01:00
    cases.add(Arguments.of("0 0 * * *", "America/Sao_Paulo", LocalDate.of(2018, 11, 4)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in {1} on {2}")
  @MethodSource("cases")
  void fireTimesOnATransitionDayMatchTheBruteForceReadingOfTheRules(
      String expression, String zone, LocalDate day) {
    ZoneId zoneId = ZoneId.of(zone);
    Instant from = day.atStartOfDay(zoneId).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zoneId).toInstant();
    List<Instant> expected = bruteForce(expression, zoneId, from, to);
    assertThat(expected).isNotEmpty();
    assertThat(ScheduleSpec.cron(expression).inZone(zone).between(from.minusNanos(1), to, 10_000))
        .isEqualTo(expected);
  }

  private static List<Instant> bruteForce(
      String expression, ZoneId zone, Instant from, Instant to) {
    ExecutionTime cron = ExecutionTime.forCron(UNIX.parse(expression));
    boolean hourRepeatsAllDay = expression.split(" ")[1].startsWith("*");
    ZoneRules rules = zone.getRules();
    List<Instant> fires = new ArrayList<>();
    for (Instant i = from; !i.isAfter(to); i = i.plus(Duration.ofMinutes(1))) {
      LocalDateTime local = LocalDateTime.ofInstant(i, zone);
      ZoneOffsetTransition overlap = rules.getTransition(local);
      boolean secondPass = overlap != null && rules.getOffset(i).equals(overlap.getOffsetAfter());
      boolean fire = matches(cron, local) && (!secondPass || hourRepeatsAllDay);
      ZoneOffsetTransition gap = rules.previousTransition(i.plusNanos(1));
      if (gap != null && gap.isGap() && gap.getInstant().equals(i)) {
        for (LocalDateTime skipped = gap.getDateTimeBefore();
            skipped.isBefore(gap.getDateTimeAfter());
            skipped = skipped.plusMinutes(1)) {
          fire |= matches(cron, skipped);
        }
      }
      if (fire) {
        fires.add(i);
      }
    }
    return fires;
  }

  private static boolean matches(ExecutionTime cron, LocalDateTime local) {
    return cron.isMatch(local.atZone(ZoneOffset.UTC));
  }

  private static List<LocalDate> transitionDays(ZoneId zone, int year) {
    List<LocalDate> days = new ArrayList<>();
    ZoneOffsetTransition t =
        zone.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
    while (t != null && t.getDateTimeBefore().getYear() == year) {
      days.add(t.getDateTimeBefore().toLocalDate());
      t = zone.getRules().nextTransition(t.getInstant());
    }
    assertThat(days).hasSize(2);
    return days;
  }
}
