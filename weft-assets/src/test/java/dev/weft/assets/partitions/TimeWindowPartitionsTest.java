package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeWindowPartitionsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void dailyKeysAndIndexesFollowTheCalendar() {
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    assertThat(days.key(0)).isEqualTo("2024-01-01");
    assertThat(days.key(59)).isEqualTo("2024-02-29");
    assertThat(days.index("2024-12-31")).isEqualTo(365);
    assertThat(days.toString()).isEqualTo("daily partitions from 2024-01-01 in Z");
    for (long i = 0; i < 800; i++) {
      assertThat(days.index(days.key(i))).isEqualTo(i);
    }
  }

  @Test
  void aSpringForwardDayIsOneWindowOf23HoursAndAFallBackDayOneOf25InBothZones() {
    for (ZoneId zone : new ZoneId[] {BERLIN, NEW_YORK}) {
      TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), zone);
      String spring = zone == BERLIN ? "2024-03-31" : "2024-03-10";
      String fall = zone == BERLIN ? "2024-10-27" : "2024-11-03";
      assertThat(hours(days, days.index(spring))).isEqualTo(23);
      assertThat(hours(days, days.index(fall))).isEqualTo(25);
      assertThat(hours(days, days.index(fall) + 1)).isEqualTo(24);
      assertThat(days.windowStart(days.index(fall)).toLocalDateTime())
          .isEqualTo(LocalDate.parse(fall).atStartOfDay());
    }
  }

  private static long hours(TimeWindowPartitions def, long index) {
    return Duration.between(def.windowStart(index), def.windowEnd(index)).toHours();
  }

  @Test
  void hourlyWindowsAcrossFallBackInNewYorkKeyTheRepeatedHourWithItsOffset() {
    TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 11, 3), NEW_YORK);
    assertThat(hours.key(0)).isEqualTo("2024-11-03-00:00");
    assertThat(hours.key(1)).isEqualTo("2024-11-03-01:00");
    assertThat(hours.key(2)).isEqualTo("2024-11-03-01:00-05:00");
    assertThat(hours.key(3)).isEqualTo("2024-11-03-02:00");
    assertThat(hours.index("2024-11-03-01:00")).isEqualTo(1);
    assertThat(hours.index("2024-11-03-01:00-04:00")).isEqualTo(1);
    assertThat(hours.index("2024-11-03-01:00-05:00")).isEqualTo(2);
    assertNoDuplicateNoGap(hours, 72);
  }

  @Test
  void hourlyWindowsAcrossFallBackInBerlinKeyTheRepeatedHourWithItsOffset() {
    TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 10, 27), BERLIN);
    assertThat(hours.key(2)).isEqualTo("2024-10-27-02:00");
    assertThat(hours.key(3)).isEqualTo("2024-10-27-02:00+01:00");
    assertThat(hours.key(4)).isEqualTo("2024-10-27-03:00");
    assertThat(hours.index("2024-10-27-02:00+01:00")).isEqualTo(3);
    assertNoDuplicateNoGap(hours, 72);
  }

  @Test
  void hourlyWindowsAcrossSpringForwardSkipTheMissingHourInBothZones() {
    TimeWindowPartitions ny = TimeWindowPartitions.hourly(LocalDate.of(2024, 3, 10), NEW_YORK);
    assertThat(ny.key(1)).isEqualTo("2024-03-10-01:00");
    assertThat(ny.key(2)).isEqualTo("2024-03-10-03:00");
    assertThatThrownBy(() -> ny.index("2024-03-10-02:00"))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage(
            "partition key '2024-03-10-02:00': this local time does not exist in"
                + " America/New_York (a DST gap) (hourly partitions from 2024-03-10 in"
                + " America/New_York)");
    TimeWindowPartitions berlin = TimeWindowPartitions.hourly(LocalDate.of(2024, 3, 31), BERLIN);
    assertThat(berlin.key(2)).isEqualTo("2024-03-31-03:00");
    assertThatThrownBy(() -> berlin.index("2024-03-31-02:00")).hasMessageContaining("a DST gap");
    assertNoDuplicateNoGap(ny, 72);
    assertNoDuplicateNoGap(berlin, 72);
  }

  private static void assertNoDuplicateNoGap(TimeWindowPartitions hours, int n) {
    Set<String> keys = new HashSet<>();
    for (long i = 0; i < n; i++) {
      assertThat(Duration.between(hours.windowStart(i), hours.windowEnd(i)))
          .isEqualTo(Duration.ofHours(1));
      assertThat(hours.windowEnd(i)).isEqualTo(hours.windowStart(i + 1));
      String key = hours.key(i);
      assertThat(keys.add(key)).as("key %s is new", key).isTrue();
      assertThat(hours.index(key)).isEqualTo(i);
    }
  }

  @Test
  void monthlyWindowsStartOnTheFirstAndEndAtMonthEnds() {
    TimeWindowPartitions months = TimeWindowPartitions.monthly(LocalDate.of(2024, 1, 15), BERLIN);
    assertThat(months.key(0)).isEqualTo("2024-02-01");
    assertThat(months.windowEnd(0).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(months.key(11)).isEqualTo("2025-01-01");
    assertThat(months.index("2024-12-01")).isEqualTo(10);
    assertThat(months.indexAt(Instant.parse("2024-02-29T22:59:59Z"))).isEqualTo(0);
    assertThat(months.indexAt(Instant.parse("2024-02-29T23:00:00Z"))).isEqualTo(1);
    assertThatThrownBy(() -> months.index("2024-03-31"))
        .hasMessage(
            "partition key '2024-03-31': not the first day of a month (monthly partitions from"
                + " 2024-02-01 in Europe/Berlin)");
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 31), ZoneOffset.UTC);
    assertThat(days.key(29)).isEqualTo("2024-02-29");
    assertThat(days.key(30)).isEqualTo("2024-03-01");
  }

  @Test
  void weeklyWindowsStartOnTheStartDayOrTheDayGiven() {
    TimeWindowPartitions mondays = TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 1), NEW_YORK);
    assertThat(mondays.key(1)).isEqualTo("2024-01-08");
    assertThat(mondays.description()).containsEntry("firstDayOfWeek", "MONDAY");
    TimeWindowPartitions sundays =
        TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 1), NEW_YORK, DayOfWeek.SUNDAY);
    assertThat(sundays.key(0)).isEqualTo("2024-01-07");
    assertThat(sundays.index("2024-03-10")).isEqualTo(9);
    assertThat(Duration.between(sundays.windowStart(9), sundays.windowEnd(9)).toHours())
        .isEqualTo(167);
    assertThatThrownBy(() -> sundays.index("2024-01-09"))
        .hasMessageContaining("not the first day of a week (weeks start on SUNDAY)");
  }

  @Test
  void aWindowExistsOnceItHasEnded() {
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN);
    assertThat(days.count(PartitionsContext.at(Instant.parse("2023-12-31T12:00:00Z")))).isZero();
    assertThat(days.count(PartitionsContext.at(Instant.parse("2024-01-01T22:59:59Z")))).isZero();
    assertThat(days.count(PartitionsContext.at(Instant.parse("2024-01-01T23:00:00Z"))))
        .isEqualTo(1);
    assertThat(days.validIndexes(PartitionsContext.at(Instant.parse("2024-01-03T10:00:00Z"))))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, 2)));
    TimeWindowPartitions january = days.end(LocalDate.of(2024, 2, 1));
    assertThat(january.count(PartitionsContext.at(Instant.parse("2025-01-01T00:00:00Z"))))
        .isEqualTo(31);
    assertThat(january.declaredRange()).isEqualTo(new IndexRange(0, 31));
    assertThat(january.toString())
        .isEqualTo(
            "daily partitions from 2024-01-01 to 2024-02-01T00:00 (exclusive) in Europe/Berlin");
  }

  @Test
  void anEndKeepsOnlyWholeWindows() {
    TimeWindowPartitions hours =
        TimeWindowPartitions.hourly(LocalDateTime.of(2024, 1, 1, 0, 30), ZoneOffset.UTC)
            .end(LocalDateTime.of(2024, 1, 1, 5, 30));
    assertThat(hours.key(0)).isEqualTo("2024-01-01-01:00");
    assertThat(hours.declaredRange()).isEqualTo(new IndexRange(0, 4));
    assertThatThrownBy(() -> hours.index("2024-01-01-05:00")).hasMessageContaining("outside");
    assertThatThrownBy(
            () ->
                TimeWindowPartitions.daily(LocalDate.of(2024, 1, 2), ZoneOffset.UTC)
                    .end(LocalDate.of(2024, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold no window");
  }

  @Test
  void badKeysNameTheKeyAndTheDefinition() {
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    assertThatThrownBy(() -> days.index("2024-13-01"))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage(
            "partition key '2024-13-01': not a calendar date (daily partitions from 2024-01-01 in Z)");
    assertThatThrownBy(() -> days.index("2024-1-1"))
        .hasMessage(
            "partition key '2024-1-1': expected a date yyyy-MM-dd (daily partitions from 2024-01-01 in Z)");
    assertThatThrownBy(() -> days.index("2023-12-31"))
        .hasMessage(
            "partition key '2023-12-31': outside daily partitions from 2024-01-01 in Z (daily partitions from 2024-01-01 in Z)");
    assertThatThrownBy(() -> days.key(-1))
        .hasMessage(
            "partition index -1: expected an index in [0, ∞) (daily partitions from 2024-01-01 in Z)");
    TimeWindowPartitions hours =
        TimeWindowPartitions.hourly(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    assertThatThrownBy(() -> hours.index("2024-01-01-25:00"))
        .hasMessageContaining("not a time of day HH:mm");
    assertThatThrownBy(() -> hours.index("2024-01-01-01:30"))
        .hasMessageContaining("not the start of an hourly window");
    assertThatThrownBy(() -> hours.index("2024-01-01"))
        .hasMessageContaining("expected yyyy-MM-dd-HH:mm");
    assertThatThrownBy(() -> hours.index("2024-01-01-01:00+01:00"))
        .hasMessageContaining("offset +01:00 is not valid at this time in Z");
    TimeWindowPartitions ny = TimeWindowPartitions.hourly(LocalDate.of(2024, 1, 1), NEW_YORK);
    assertThatThrownBy(() -> ny.index("2024-01-01-01:00-05:00"))
        .hasMessageContaining("only the second hour of a fall-back change carries an offset");
    assertThatThrownBy(() -> days.index("x"))
        .isInstanceOfSatisfying(
            PartitionKeyException.class,
            e -> {
              assertThat(e.key()).isEqualTo("x");
              assertThat(e.definition()).isEqualTo(days.toString());
              assertThat(e.asset()).isNull();
              assertThat(e.forAsset(dev.weft.assets.AssetKey.of("market/trades")).getMessage())
                  .isEqualTo(
                      "partition key 'x' of asset market/trades: expected a date yyyy-MM-dd"
                          + " (daily partitions from 2024-01-01 in Z)");
            });
  }

  @Test
  void descriptionsAndEqualityAreByDeclaration() {
    TimeWindowPartitions a = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN);
    assertThat(a).isEqualTo(TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN));
    assertThat(a).isNotEqualTo(TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), NEW_YORK));
    assertThat(a.description())
        .containsEntry("type", "time-window")
        .containsEntry("granularity", "daily")
        .containsEntry("start", "2024-01-01")
        .containsEntry("zone", "Europe/Berlin")
        .containsEntry("end", null);
  }
}
