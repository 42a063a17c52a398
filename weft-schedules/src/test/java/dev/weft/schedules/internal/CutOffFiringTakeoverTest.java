package dev.weft.schedules.internal;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerResult;
import dev.weft.schedules.testsupport.Job;
import dev.weft.schedules.testsupport.SleepingJob;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A firing cut off mid-action (its trigger activity started the run, then its node died) holds up
 * its schedule only until the attempt's start-to-close timeout: then the attempt is retried, finds
 * its run, and the fire times that came meanwhile are caught up. That timeout must be short beside
 * the default catch-up window (one minute): at one minute, as it was, a one-second schedule fired
 * nothing for a minute after a node was killed in the three-node test (weft-cluster-tests,
 * ScheduleNodeKillTest: the schedules the killed node was firing started their next runs 60.1 to
 * 60.2 s late), and every fire time handled more than a minute late is skipped as missed.
 */
class CutOffFiringTakeoverTest {
  @TempDir Path dir;

  /** Starts the run of the first firing, then never returns, as on a node killed right then. */
  static final class FirstAttemptHangs implements TriggerActivities {
    private final TriggerActivities real;
    private final CountDownLatch released = new CountDownLatch(1);
    final AtomicReference<Instant> cutOff = new AtomicReference<>();

    FirstAttemptHangs(TriggerActivities real) {
      this.real = real;
    }

    @Override
    public TriggerResult run(TriggerAction action, String derivedId, Instant fireTime) {
      TriggerResult result = real.run(action, derivedId, fireTime);
      if (cutOff.compareAndSet(null, fireTime)) {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the node died before the firing was recorded");
      }
      return result;
    }

    void release() {
      released.countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theFireTimesAfterACutOffFiringRunWellWithinTheDefaultCatchUpWindow(TestStore store) {
    ScheduleDefinition everySecond =
        ScheduleDefinition.of("secondly", ScheduleSpec.every(Duration.ofSeconds(1)), job(0))
            .withOverlapPolicy(OverlapPolicy.ALLOW_ALL);
    WeftEngine engine =
        WeftEngine.builder().store(store.open(dir)).shutdownTimeout(Duration.ofMillis(100)).build();
    FirstAttemptHangs hanging =
        new FirstAttemptHangs(new TriggerActions(engine.client(), new FirePartitions(engine)));
    try {
      engine
          .newWorker(TriggerWorkers.TASK_QUEUE)
          .registerWorkflow(ScheduleWorkflow.class, ScheduleRun::new)
          .registerActivities(new RunControl(engine.client()))
          .registerActivities(hanging);
      engine.newWorker(Job.QUEUE).registerWorkflow(Job.class, SleepingJob::new);
      engine.start();
      engine
          .client()
          .start(
              ScheduleWorkflow.TYPE,
              WorkflowOptions.newBuilder()
                  .workflowId(ScheduleWorkflow.workflowId(everySecond.id()))
                  .taskQueue(TriggerWorkers.TASK_QUEUE)
                  .build(),
              ScheduleState.initial(everySecond));
      await("the first firing cut off")
          .atMost(Duration.ofSeconds(30))
          .until(() -> hanging.cutOff.get() != null);
      Instant cutOff = hanging.cutOff.get();
      Instant next = cutOff.plusSeconds(1);

      await("the run of the fire time after the cut-off one, " + next)
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  engine
                          .client()
                          .countWorkflows(WorkflowFilter.all().withWorkflowId("secondly@" + next))
                      == 1);

      Schedules schedules = Schedules.client(engine.client());
      await("the cut-off firing recorded")
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  schedules.describe("secondly", 1).recentFirings().stream()
                      .anyMatch(f -> f.nominal().equals(cutOff)));
      assertThat(schedules.describe("secondly", 1).recentFirings())
          .filteredOn(f -> f.nominal().equals(cutOff))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.outcome()).isEqualTo(FiringOutcome.STARTED);
                assertThat(f.reason()).startsWith("already started (run ");
              });
      assertThat(schedules.describe("secondly", 1).skipped()).as("skipped firings").isZero();
    } finally {
      hanging.release();
      engine.close();
    }
  }
}
