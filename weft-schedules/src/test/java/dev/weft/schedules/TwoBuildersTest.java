package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.schedules.testsupport.Job;
import dev.weft.schedules.testsupport.SleepingJob;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two builders on one engine (a node of {@code weft server} builds one, an app its own): the
 * schedule workflow is registered once, and each builder's definitions are created and fire.
 */
class TwoBuildersTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:30Z");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSecondBuilderOnTheSameEngineOnlyAddsItsDefinitions(TestStore store) {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(T0)
                .engine(b -> b.store(store.open(dir.resolve("store")))))) {
      env.newWorker(Job.QUEUE).registerWorkflow(Job.class, SleepingJob::new);
      Schedules node = Schedules.builder(env.engine()).build();
      Schedules app =
          Schedules.builder(env.engine())
              .schedule(ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(0)))
              .build();
      env.start();
      node.ensureStarted();
      app.ensureStarted();
      node.create(ScheduleDefinition.of("half-hourly", ScheduleSpec.cron("30 * * * *"), job(0)));
      env.awaitIdle();

      env.sleep(Duration.ofHours(1));

      assertThat(node.list()).containsExactly("half-hourly", "hourly");
      assertThat(app.describe("hourly").started()).isEqualTo(1);
      assertThat(node.describe("half-hourly").started()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theNodesEnsureStartedCreatesTheSchedulesOfEveryBuilderOnTheEngine(TestStore store) {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(T0)
                .engine(b -> b.store(store.open(dir.resolve("store")))))) {
      env.newWorker(Job.QUEUE).registerWorkflow(Job.class, SleepingJob::new);
      Schedules node = Schedules.builder(env.engine()).build();
      Schedules.builder(env.engine())
          .schedule(ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(0)))
          .build();
      env.start();
      node.ensureStarted();
      env.awaitIdle();

      assertThat(node.list()).containsExactly("hourly");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aScheduleIdDefinedByTwoBuildersOnOneEngineIsRefused(TestStore store) {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(T0)
                .engine(b -> b.store(store.open(dir.resolve("store")))))) {
      ScheduleDefinition hourly =
          ScheduleDefinition.of("hourly", ScheduleSpec.cron("0 * * * *"), job(0));
      Schedules.builder(env.engine()).schedule(hourly).build();
      Schedules.Builder second = Schedules.builder(env.engine()).schedule(hourly);

      assertThatThrownBy(second::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'hourly' is defined twice on this engine");
    }
  }
}
