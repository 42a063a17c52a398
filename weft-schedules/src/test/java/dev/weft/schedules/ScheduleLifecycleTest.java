package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A schedule fires on time, and pause, unpause, trigger, backfill and delete act on it. */
class ScheduleLifecycleTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:30Z");
  private static final ScheduleDefinition HOURLY =
      ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(0));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void firesAtEachNominalTimeWithTheDerivedId(TestStore store) {
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, HOURLY)) {
      env.sleep(Duration.ofHours(3));

      assertThat(env.jobIds())
          .containsExactly(
              "hourly@2024-01-01T01:00:00Z",
              "hourly@2024-01-01T02:00:00Z",
              "hourly@2024-01-01T03:00:00Z");
      ScheduleDescription d = env.schedules().describe("hourly", 2);
      assertThat(d.nextFireTimes())
          .containsExactly(
              Instant.parse("2024-01-01T04:00:00Z"), Instant.parse("2024-01-01T05:00:00Z"));
      assertThat(d.recentFirings())
          .extracting(ScheduleFiring::outcome)
          .containsOnly(FiringOutcome.STARTED);
      assertThat(d.started()).isEqualTo(3);
      assertThat(env.schedules().list()).containsExactly("hourly");
      assertThatThrownBy(() -> env.schedules().nextFireTimes("hourly", 1001))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("n is 1001: expected 0 to 1000 fire times");
      // a process that only holds a client sees the same schedule
      assertThat(Schedules.client(env.env().client()).describe("hourly").started()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPausedScheduleRecordsSkipsWithItsNoteUntilUnpaused(TestStore store) {
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, HOURLY)) {
      env.schedules().pause("hourly", "warehouse migration");
      env.sleep(Duration.ofHours(2));
      env.schedules().unpause("hourly", null);
      env.sleep(Duration.ofHours(1));

      ScheduleDescription d = env.schedules().describe("hourly");
      assertThat(d.recentFirings())
          .extracting(ScheduleFiring::outcome, ScheduleFiring::reason)
          .containsExactly(
              tuple(FiringOutcome.SKIPPED, "paused: warehouse migration"),
              tuple(FiringOutcome.SKIPPED, "paused: warehouse migration"),
              tuple(FiringOutcome.STARTED, null));
      assertThat(env.jobIds()).containsExactly("hourly@2024-01-01T03:00:00Z");
      assertThat(d.paused()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void triggerFiresNowAndBackfillFiresEveryPastTimeOnceInOrder(TestStore store) {
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, HOURLY)) {
      env.schedules().trigger("hourly");
      env.env().awaitIdle();
      env.schedules()
          .backfill(
              "hourly",
              Instant.parse("2023-12-31T21:00:00Z"),
              Instant.parse("2023-12-31T23:00:00Z"),
              OverlapPolicy.ALLOW_ALL);
      env.env().awaitIdle();
      // a second backfill of the same range finds every run
      env.schedules()
          .backfill(
              "hourly",
              Instant.parse("2023-12-31T21:00:00Z"),
              Instant.parse("2023-12-31T23:00:00Z"),
              OverlapPolicy.ALLOW_ALL);
      env.env().awaitIdle();

      List<String> ids = env.jobIds();
      assertThat(ids).hasSize(3);
      // the trigger's derived ID holds the time the schedule received it
      assertThat(ids.get(0)).startsWith("hourly@2024-01-01T00:00:3");
      assertThat(ids.subList(1, 3))
          .containsExactly("hourly@2023-12-31T22:00:00Z", "hourly@2023-12-31T23:00:00Z");
      List<ScheduleFiring> firings = env.schedules().describe("hourly").recentFirings();
      assertThat(firings).hasSize(5);
      assertThat(firings.subList(3, 5))
          .extracting(ScheduleFiring::reason)
          .allSatisfy(r -> assertThat(r).startsWith("already started (run "));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDeletedScheduleFiresNoMoreAndIsNotFound(TestStore store) {
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, HOURLY)) {
      env.schedules().delete("hourly");
      env.sleep(Duration.ofHours(2));

      assertThat(env.jobIds()).isEmpty();
      assertThat(env.schedules().list()).isEmpty();
      assertThatThrownBy(() -> env.schedules().describe("hourly"))
          .isInstanceOf(ScheduleNotFoundException.class)
          .hasMessage("no schedule with ID 'hourly'");
      assertThatThrownBy(() -> env.schedules().pause("nope", "x"))
          .isInstanceOf(ScheduleNotFoundException.class)
          .hasMessage("no schedule with ID 'nope'");
      // the ID can be used again
      env.schedules().create(HOURLY);
      assertThatThrownBy(() -> env.schedules().create(HOURLY))
          .isInstanceOf(ScheduleAlreadyExistsException.class)
          .hasMessageContaining("'hourly' exists already");
    }
  }
}
