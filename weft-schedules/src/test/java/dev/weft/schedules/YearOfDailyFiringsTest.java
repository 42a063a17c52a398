package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testing kit drives a daily schedule through a year with the stepped clock: one run per day,
 * each with its own derived ID, the schedule continuing as new on the way.
 */
class YearOfDailyFiringsTest {
  @TempDir Path dir;

  @Test
  void aYearOfDailyFiringsStarts365DistinctRuns() {
    ScheduleDefinition daily = ScheduleDefinition.of("daily", ScheduleSpec.cron("@daily"), job(0));
    try (ScheduleEnv env =
        ScheduleEnv.start(TestStore.SQLITE, dir, Instant.parse("2023-01-01T00:00:30Z"), daily)) {
      long began = System.nanoTime();
      env.sleep(Duration.ofDays(365));
      long millis = (System.nanoTime() - began) / 1_000_000;
      System.out.println("a year of daily firings: " + millis + " ms");

      List<String> expected =
          Stream.iterate(LocalDate.of(2023, 1, 2), d -> d.plusDays(1))
              .limit(365)
              .map(d -> "daily@" + d.atStartOfDay().toInstant(ZoneOffset.UTC))
              .toList();
      assertThat(env.jobIds()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(env.schedules().describe("daily").started()).isEqualTo(365);
    }
  }
}
