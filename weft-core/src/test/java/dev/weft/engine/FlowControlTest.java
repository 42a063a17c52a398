package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.Priority;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.TaskScheduling;
import dev.weft.store.UnknownTaskQueueException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flow control through the engine and its client: priorities and fairness keys inherited by
 * activities, pausing a run (seen in describe and list), an activity type and a whole queue, a
 * fairness key's concurrency limit, and the errors for bad input; each on SQLite and PostgreSQL.
 * The store-level rules (ordering, fairness, limits) are pinned in detail by the store contract
 * suite, on both stores too.
 */
@Tag("engine")
class FlowControlTest {
  static final String QUEUE = "flow";
  static final AtomicInteger CALLS = new AtomicInteger();
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_RUNNING = new AtomicInteger();
  static final int SLOW = 100;

  @ActivityInterface
  public interface Steps {
    int step(int i);
  }

  @WorkflowInterface
  public interface TwoSteps {
    @WorkflowMethod
    int run(int sleepMillis);
  }

  /** An activity, a sleep, an activity. */
  public static class TwoStepsImpl implements TwoSteps {
    @Override
    public int run(int sleepMillis) {
      Steps steps =
          Workflow.newActivityStub(
              Steps.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      int a = steps.step(1);
      Workflow.sleep(Duration.ofMillis(sleepMillis));
      return a + steps.step(2);
    }
  }

  /** An activity with its own priority. */
  public static class UrgentStepImpl implements TwoSteps {
    @Override
    public int run(int sleepMillis) {
      Steps steps =
          Workflow.newActivityStub(
              Steps.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofSeconds(10))
                  .priority(Priority.of(1))
                  .build());
      return steps.step(1);
    }
  }

  private static EngineFixture start(TestStore kind, Path dir, Class<? extends TwoSteps> impl) {
    CALLS.set(0);
    RUNNING.set(0);
    MOST_RUNNING.set(0);
    Steps steps =
        i -> {
          MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
          try {
            if (i == SLOW) {
              // keeps a key's executions overlapping so that its limit is exercised; no assertion
              // waits on it
              Thread.sleep(50);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            RUNNING.decrementAndGet();
          }
          CALLS.incrementAndGet();
          return i;
        };
    return EngineFixture.start(
        kind,
        dir,
        e ->
            e.newWorker(QUEUE)
                .registerWorkflow(
                    TwoSteps.class,
                    () -> {
                      try {
                        return impl.getDeclaredConstructor().newInstance();
                      } catch (ReflectiveOperationException ex) {
                        throw new IllegalStateException(ex);
                      }
                    })
                .registerActivities(steps));
  }

  /** One slow activity. */
  public static class SlowStepImpl implements TwoSteps {
    @Override
    public int run(int ignored) {
      Steps steps =
          Workflow.newActivityStub(
              Steps.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      return steps.step(SLOW);
    }
  }

  private static WorkflowOptions options(Priority priority) {
    return WorkflowOptions.newBuilder().taskQueue(QUEUE).priority(priority).build();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void pausedRunHoldsItsTimerAndActivitiesUntilResumed(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = start(kind, dir, TwoStepsImpl.class)) {
      WorkflowHandle<Object> run = f.client().start("TwoSteps", options(Priority.INHERIT), 300);
      await().until(() -> CALLS.get() == 1);
      run.pause("maintenance of the payment provider");

      WorkflowDescription paused = run.describe();
      assertThat(paused.isPaused()).isTrue();
      assertThat(paused.pause().reason()).isEqualTo("maintenance of the payment provider");
      WorkflowSummary listed = f.client().listWorkflows(WorkflowFilter.all()).workflows().get(0);
      assertThat(listed.isPaused()).isTrue();
      assertThat(listed.pause()).isEqualTo(paused.pause());
      assertThat(f.client().countWorkflows(WorkflowFilter.query("Paused = true"))).isEqualTo(1);
      // the timer falls due while paused: it is held, the second activity never starts
      await().pollDelay(Duration.ofMillis(800)).until(() -> true);
      assertThat(CALLS.get()).isEqualTo(1);
      assertThat(run.describe().status()).isEqualTo(WorkflowStatus.RUNNING);

      run.resume();
      assertThat(run.getResult(Integer.class)).isEqualTo(3);
      assertThat(CALLS.get()).isEqualTo(2);
      assertThat(run.describe().pause()).isNull();
      assertThat(f.client().listWorkflows(WorkflowFilter.all()).workflows().get(0).isPaused())
          .isFalse();
      assertThat(f.client().countWorkflows(WorkflowFilter.query("Paused = true"))).isZero();
      assertThatThrownBy(() -> run.pause("too late"))
          .isInstanceOf(WorkflowNotRunningException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void pausedQueueDispatchesNothingUntilResumed(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = start(kind, dir, TwoStepsImpl.class)) {
      f.client().pauseTaskQueue(QUEUE, "deploy");
      assertThat(f.client().flowControl().isPaused(QUEUE)).isTrue();

      WorkflowHandle<Object> run = f.client().start("TwoSteps", options(Priority.INHERIT), 0);
      await().pollDelay(Duration.ofMillis(500)).until(() -> true);
      assertThat(CALLS.get()).isZero();
      assertThat(run.describe().historyLength()).isEqualTo(1);

      f.client().resumeTaskQueue(QUEUE);
      assertThat(run.getResult(Integer.class)).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void pausedActivityTypeStaysQueuedWithItsInheritedPriority(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = start(kind, dir, TwoStepsImpl.class)) {
      f.client().pauseActivityType(QUEUE, "Step", "rate limited upstream");
      WorkflowHandle<Object> run =
          f.client()
              .start(
                  "TwoSteps",
                  options(Priority.of(2).withFairnessKey("tenant-7").withFairnessWeight(3)),
                  0);

      await().until(() -> !f.store().findActivityTasks(run.runId()).isEmpty());
      await().pollDelay(Duration.ofMillis(300)).until(() -> true);
      List<ActivityTaskState> queued = f.store().findActivityTasks(run.runId());
      assertThat(queued).hasSize(1);
      assertThat(queued.get(0).isLeased()).isFalse();
      assertThat(queued.get(0).task().scheduling())
          .isEqualTo(new TaskScheduling(2, "tenant-7", 3.0));
      assertThat(CALLS.get()).isZero();

      f.client().resumeActivityType(QUEUE, "Step");
      assertThat(run.getResult(Integer.class)).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void activityOverridesTheInheritedPriorityButKeepsTheKey(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = start(kind, dir, UrgentStepImpl.class)) {
      f.client().pauseActivityType(QUEUE, "Step", "hold to look at it");
      WorkflowHandle<Object> run =
          f.client().start("TwoSteps", options(Priority.fairnessKey("tenant-1")), 0);

      await().until(() -> !f.store().findActivityTasks(run.runId()).isEmpty());
      assertThat(f.store().findActivityTasks(run.runId()).get(0).task().scheduling())
          .isEqualTo(new TaskScheduling(1, "tenant-1", 1.0));
      f.client().resumeActivityType(QUEUE, "Step");
      assertThat(run.getResult(Integer.class)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aKeyLimitHoldsForEagerAndQueuedActivities(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = start(kind, dir, SlowStepImpl.class)) {
      f.client().setFairnessKeyLimit(QUEUE, "tenant-9", new KeyLimit(1, null));
      assertThat(f.client().flowControl().keyLimits().get(QUEUE))
          .containsEntry("tenant-9", new KeyLimit(1, null));

      List<WorkflowHandle<Object>> runs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        runs.add(f.client().start("TwoSteps", options(Priority.fairnessKey("tenant-9")), 0));
      }
      WorkflowHandle<Object> other =
          f.client().start("TwoSteps", options(Priority.fairnessKey("tenant-2")), 0);

      for (WorkflowHandle<Object> run : runs) {
        assertThat(run.getResult(Integer.class)).isEqualTo(SLOW);
      }
      assertThat(other.getResult(Integer.class)).isEqualTo(SLOW);
      // the six of tenant-9 ran one at a time; tenant-2's one could overlap with them
      assertThat(MOST_RUNNING.get()).isBetween(1, 2);
      assertThat(CALLS.get()).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badInputIsRefusedAndChangesNothing(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = start(kind, dir, TwoStepsImpl.class)) {
      FlowControl before = f.client().flowControl();
      assertThatThrownBy(() -> f.client().pauseTaskQueue("no-such-queue", "typo"))
          .isInstanceOf(UnknownTaskQueueException.class)
          .hasMessageContaining("no-such-queue")
          .hasMessageContaining(QUEUE);
      assertThat(f.client().flowControl()).isEqualTo(before);

      assertThatThrownBy(() -> Priority.of(7))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("priority must be between 1 (highest) and 5 (lowest), was 7");
      assertThatThrownBy(() -> Priority.of(0)).hasMessageContaining("was 0");
      assertThatThrownBy(() -> new Priority(null, null, 0.0))
          .hasMessageContaining("fairnessWeight must be > 0");
      assertThatThrownBy(() -> new dev.weft.store.RateLimit(0, 1))
          .hasMessageContaining("perSecond must be a positive number, was 0.0");
      assertThatThrownBy(() -> new KeyLimit(0, null))
          .hasMessageContaining("maxRunning must be >= 1, was 0");
      assertThat(f.client().flowControl()).isEqualTo(before);
    }
  }
}
