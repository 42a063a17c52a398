package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each overlap policy, with an hourly schedule whose job runs 95 minutes: every firing after the
 * first comes while the previous run is running (and no run ends at a firing's time).
 */
class OverlapPolicyTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:30Z");

  @TempDir Path dir;

  private ScheduleEnv start(TestStore store, OverlapPolicy policy) {
    return ScheduleEnv.start(
        store,
        dir,
        T0,
        ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(95))
            .withOverlapPolicy(policy));
  }

  private static String id(int hour) {
    return "hourly@2024-01-01T0" + hour + ":00:00Z";
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void skipRecordsTheFiringsThatComeWhileARunIsRunning(TestStore store) {
    try (ScheduleEnv env = start(store, OverlapPolicy.SKIP)) {
      env.sleep(Duration.ofHours(4));

      assertThat(env.jobIds()).containsExactly(id(1), id(3));
      ScheduleDescription d = env.schedules().describe("hourly");
      assertThat(d.skipped()).isEqualTo(2);
      assertThat(d.recentFirings())
          .filteredOn(f -> f.outcome() == FiringOutcome.SKIPPED)
          .extracting(ScheduleFiring::reason)
          .containsExactly(
              "overlap: " + id(1) + " still running", "overlap: " + id(3) + " still running");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void allowAllStartsEveryFiringBesideTheRunningOnes(TestStore store) {
    try (ScheduleEnv env = start(store, OverlapPolicy.ALLOW_ALL)) {
      env.sleep(Duration.ofHours(4));

      assertThat(env.jobIds()).containsExactly(id(1), id(2), id(3), id(4));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void bufferOneRunsOneWaitingFiringAfterTheRunAndSkipsTheNext(TestStore store) {
    try (ScheduleEnv env = start(store, OverlapPolicy.BUFFER_ONE)) {
      env.sleep(Duration.ofHours(4).plusMinutes(15));

      assertThat(env.jobIds()).containsExactly(id(1), id(2), id(3));
      assertThatRunsDoNotOverlap(env.jobs());
      assertThat(env.schedules().describe("hourly").recentFirings())
          .filteredOn(f -> f.outcome() == FiringOutcome.SKIPPED)
          .extracting(ScheduleFiring::nominal, ScheduleFiring::reason)
          .containsExactly(
              tuple(Instant.parse(id(4).substring(7)), "overlap: a firing is buffered already"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void bufferAllRunsEveryFiringInOrderOneAfterTheOther(TestStore store) {
    try (ScheduleEnv env = start(store, OverlapPolicy.BUFFER_ALL)) {
      env.sleep(Duration.ofHours(6));

      assertThat(env.jobIds()).containsExactly(id(1), id(2), id(3), id(4));
      assertThatRunsDoNotOverlap(env.jobs());
      assertThat(env.schedules().describe("hourly").bufferedFirings())
          .containsExactly(Instant.parse(id(5).substring(7)), Instant.parse(id(6).substring(7)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void cancelOtherCancelsTheRunningRunThenStarts(TestStore store) {
    try (ScheduleEnv env = start(store, OverlapPolicy.CANCEL_OTHER)) {
      env.sleep(Duration.ofHours(2).plusMinutes(1));

      List<WorkflowSummary> jobs = env.jobs();
      assertThat(jobs).extracting(WorkflowSummary::workflowId).containsExactly(id(1), id(2));
      assertThat(jobs)
          .extracting(WorkflowSummary::status)
          .containsExactly(WorkflowStatus.CANCELED, WorkflowStatus.RUNNING);
      assertThatRunsDoNotOverlap(jobs);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void terminateOtherTerminatesTheRunningRunAndStartsAtOnce(TestStore store) {
    try (ScheduleEnv env = start(store, OverlapPolicy.TERMINATE_OTHER)) {
      env.sleep(Duration.ofHours(2));

      List<WorkflowSummary> jobs = env.jobs();
      assertThat(jobs).extracting(WorkflowSummary::workflowId).containsExactly(id(1), id(2));
      assertThat(jobs)
          .extracting(WorkflowSummary::status)
          .containsExactly(WorkflowStatus.TERMINATED, WorkflowStatus.RUNNING);
    }
  }

  private static void assertThatRunsDoNotOverlap(List<WorkflowSummary> jobs) {
    for (int i = 1; i < jobs.size(); i++) {
      assertThat(jobs.get(i).startTime())
          .as("%s starts after %s closed", jobs.get(i).workflowId(), jobs.get(i - 1).workflowId())
          .isAfterOrEqualTo(jobs.get(i - 1).closeTime());
    }
  }
}
