package dev.weft.schedules.internal;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowOptions;
import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerResult;
import dev.weft.schedules.testsupport.Job;
import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.schedules.testsupport.SleepingJob;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exactly once across a crash mid-firing: the engine stops after the trigger activity started the
 * run and before the schedule recorded it; the engine that starts next on the store runs the
 * activity again, which finds the run, and no second run starts.
 */
class CrashMidFiringTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:59:50Z");
  private static final ScheduleDefinition HOURLY =
      ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(0))
          .withOverlapPolicy(OverlapPolicy.ALLOW_ALL);

  @TempDir Path dir;

  /** The real activity, then a wait that only the engine's shutdown ends: the crash point. */
  static final class StartThenHang implements TriggerActivities {
    private final TriggerActivities real;
    final CountDownLatch started = new CountDownLatch(1);

    StartThenHang(TriggerActivities real) {
      this.real = real;
    }

    @Override
    public TriggerResult run(TriggerAction action, String derivedId, Instant fireTime) {
      real.run(action, derivedId, fireTime);
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the engine stopped before the firing was recorded");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRestartAfterACrashBetweenTheStartAndItsRecordStartsNoSecondRun(TestStore store)
      throws Exception {
    WeftTestEnvironment crashing =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(T0)
                // the hanging activity is abandoned at once, as by a crash
                .engine(
                    b ->
                        b.store(store.open(dir.resolve("store")))
                            .shutdownTimeout(Duration.ofMillis(100))));
    StartThenHang hanging =
        new StartThenHang(
            new TriggerActions(crashing.engine().client(), new FirePartitions(crashing.engine())));
    crashing
        .newWorker(TriggerWorkers.TASK_QUEUE)
        .registerWorkflow(ScheduleWorkflow.class, ScheduleRun::new)
        .registerWorkflow(MaterializeTriggerWorkflow.class, MaterializeTrigger::new)
        .registerActivities(new RunControl(crashing.engine().client()))
        .registerActivities(hanging);
    crashing.newWorker(Job.QUEUE).registerWorkflow(Job.class, SleepingJob::new);
    crashing.start();
    crashing
        .client()
        .start(
            ScheduleWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .workflowId(ScheduleWorkflow.workflowId("hourly"))
                .taskQueue(TriggerWorkers.TASK_QUEUE)
                .build(),
            ScheduleState.initial(HOURLY));
    crashing.awaitIdle();
    crashing.clock().advance(Duration.ofSeconds(15));
    assertThat(hanging.started.await(30, TimeUnit.SECONDS)).isTrue();
    crashing.close();

    try (ScheduleEnv env = ScheduleEnv.start(store, dir, T0.plusSeconds(40), HOURLY)) {
      env.sleep(Duration.ofMinutes(2));

      assertThat(env.jobIds()).containsExactly("hourly@2024-01-01T01:00:00Z");
      assertThat(env.schedules().describe("hourly").recentFirings())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.outcome()).isEqualTo(FiringOutcome.STARTED);
                assertThat(f.reason()).startsWith("already started (run ");
              });
    }
  }
}
