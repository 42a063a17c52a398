package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A daily 02:30 schedule runs once a day across both DST transitions, in two time zones: the
 * skipped 02:30 of spring runs once (when the spec says), the doubled 02:30 of autumn once.
 */
class DstScheduleTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "Europe/Paris, 2024-03-29T12:00:00Z, 2024-10-26T12:00:00Z",
    "America/New_York, 2024-03-08T12:00:00Z, 2024-11-02T12:00:00Z"
  })
  void aDailyScheduleRunsOnceEachDayAcrossBothTransitions(
      String zone, Instant beforeSpring, Instant beforeAutumn) {
    for (Instant from : List.of(beforeSpring, beforeAutumn)) {
      Path store = dir.resolve(zone.replace('/', '-') + from.toEpochMilli());
      ScheduleDefinition def =
          ScheduleDefinition.of("dst", ScheduleSpec.cron("30 2 * * *").inZone(zone), job(0));
      try (ScheduleEnv env = ScheduleEnv.start(TestStore.SQLITE, store, from, def)) {
        env.sleep(Duration.ofDays(4));

        List<LocalDate> days =
            env.jobIds().stream()
                .map(id -> Instant.parse(id.substring("dst@".length())))
                .map(t -> t.atZone(ZoneId.of(zone)).toLocalDate())
                .toList();
        LocalDate first = from.atZone(ZoneId.of(zone)).toLocalDate().plusDays(1);
        assertThat(days)
            .as("%s from %s", zone, from)
            .containsExactly(first, first.plusDays(1), first.plusDays(2), first.plusDays(3));
      }
    }
  }
}
