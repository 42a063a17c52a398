package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.schedules.internal.ScheduleRun;
import dev.weft.schedules.internal.ScheduleWorkflow;
import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testing.WorkflowReplayer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A schedule's history replays on its code: firings, buffered firings polled until their turn,
 * pause, trigger, backfill and an update, all deterministic.
 */
class ScheduleReplayTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(OverlapPolicy.class)
  void aScheduleHistoryReplaysOnItsCode(OverlapPolicy policy) {
    ScheduleDefinition def =
        ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(95))
            .withOverlapPolicy(policy);
    try (ScheduleEnv env =
        ScheduleEnv.start(TestStore.SQLITE, dir, Instant.parse("2024-01-01T00:00:30Z"), def)) {
      env.sleep(Duration.ofHours(3));
      env.schedules().pause("hourly", "replay");
      env.sleep(Duration.ofHours(1));
      env.schedules().unpause("hourly", null);
      env.schedules().trigger("hourly");
      env.schedules()
          .backfill(
              "hourly",
              Instant.parse("2023-12-31T20:00:00Z"),
              Instant.parse("2023-12-31T22:00:00Z"),
              null);
      env.schedules().update(def.withSpec(ScheduleSpec.cron("30 * * * *")));
      env.sleep(Duration.ofHours(2));

      assertThatCode(
              () ->
                  WorkflowReplayer.replayWorkflowExecution(
                      env.env()
                          .client()
                          .getHandle(ScheduleWorkflow.workflowId("hourly"))
                          .fetchHistory(),
                      ScheduleWorkflow.class,
                      ScheduleRun::new))
          .doesNotThrowAnyException();
    }
  }
}
