package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.schedules.testsupport.Job;
import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Schedules across engine restarts on one store: catch-up after downtime, a firing whose run was
 * started before a crash, and definitions changed in code.
 */
class ScheduleRestartTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:30Z");
  private static final ScheduleDefinition HOURLY =
      ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(0))
          .withOverlapPolicy(OverlapPolicy.ALLOW_ALL);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void afterAThreeDayOutageOnlyTheFiringsInsideTheCatchUpWindowRun(TestStore store) {
    ScheduleDefinition def = HOURLY.withCatchUpWindow(Duration.ofHours(2));
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, def)) {
      env.sleep(Duration.ofHours(1));
    }
    // the engine was down from 01:00:30 on January 1st to 01:30:30 on January 4th
    Instant restart = Instant.parse("2024-01-04T01:30:30Z");
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, restart, def)) {
      assertThat(env.jobIds())
          .containsExactly(
              "hourly@2024-01-01T01:00:00Z",
              "hourly@2024-01-04T00:00:00Z",
              "hourly@2024-01-04T01:00:00Z");
      ScheduleDescription d = env.schedules().describe("hourly");
      assertThat(d.started()).isEqualTo(3);
      // 02:00 on the 1st to 23:00 on the 3rd
      assertThat(d.skipped()).isEqualTo(70);
      assertThat(d.recentFirings())
          .filteredOn(f -> f.outcome() == FiringOutcome.SKIPPED)
          .last()
          .satisfies(
              f -> {
                assertThat(f.nominal()).isEqualTo(Instant.parse("2024-01-03T23:00:00Z"));
                assertThat(f.reason()).isEqualTo("missed by PT2H30M30S, catch-up window PT2H");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFiringWhoseRunWasStartedBeforeACrashStartsNoSecondRun(TestStore store) {
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, HOURLY)) {
      env.sleep(Duration.ofMinutes(30));
    }
    // what a node that crashed after the activity's start and before the schedule recorded it
    // leaves behind: the run with the derived ID exists
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0.plus(Duration.ofMinutes(45)), HOURLY)) {
      String runId =
          env.env()
              .client()
              .start(
                  Job.TYPE,
                  WorkflowOptions.newBuilder()
                      .workflowId("hourly@2024-01-01T01:00:00Z")
                      .taskQueue(Job.QUEUE)
                      .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                      .build(),
                  0)
              .runId();
      env.sleep(Duration.ofMinutes(30));

      assertThat(env.jobIds()).containsExactly("hourly@2024-01-01T01:00:00Z");
      assertThat(env.schedules().describe("hourly").recentFirings())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.outcome()).isEqualTo(FiringOutcome.STARTED);
                assertThat(f.reason()).isEqualTo("already started (run " + runId + ")");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDefinitionChangedInCodeUpdatesTheScheduleAndKeepsItsPause(TestStore store) {
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0, HOURLY)) {
      env.sleep(Duration.ofHours(1));
    }
    ScheduleDefinition halfPast = HOURLY.withSpec(ScheduleSpec.cron("30 * * * *"));
    Instant restart = T0.plus(Duration.ofHours(1)).plusSeconds(10);
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, restart, halfPast)) {
      env.sleep(Duration.ofMinutes(40));

      assertThat(env.schedules().describe("hourly").definition()).isEqualTo(halfPast);
      assertThat(env.jobIds())
          .containsExactly("hourly@2024-01-01T01:00:00Z", "hourly@2024-01-01T01:30:00Z");
      env.schedules().pause("hourly", "by an operator");
      env.env().awaitIdle();
    }
    try (ScheduleEnv env = ScheduleEnv.start(store, dir, restart.plusSeconds(2410), halfPast)) {
      ScheduleDescription d = env.schedules().describe("hourly");
      assertThat(d.paused()).isTrue();
      assertThat(d.note()).isEqualTo("by an operator");
    }
  }
}
