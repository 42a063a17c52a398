package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowStatus;
import dev.weft.common.Priority;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.FlowControl;
import dev.weft.store.TaskScheduling;
import dev.weft.store.UnknownTaskQueueException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow control through the engine and its client: priorities and fairness keys inherited by
 * activities, pausing a run, an activity type and a whole queue, and the errors for bad input. The
 * store-level rules (ordering, fairness, limits) are pinned by the store contract suite, on SQLite
 * and PostgreSQL.
 */
@Tag("engine")
class FlowControlTest {
  static final String QUEUE = "flow";
  static final AtomicInteger CALLS = new AtomicInteger();

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

  private static EngineFixture start(Path dir, Class<? extends TwoSteps> impl) {
    CALLS.set(0);
    Steps steps =
        i -> {
          CALLS.incrementAndGet();
          return i;
        };
    return EngineFixture.start(
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

  private static WorkflowOptions options(Priority priority) {
    return WorkflowOptions.newBuilder().taskQueue(QUEUE).priority(priority).build();
  }

  @Test
  void pausedRunHoldsItsTimerAndActivitiesUntilResumed(@TempDir Path dir) {
    try (EngineFixture f = start(dir, TwoStepsImpl.class)) {
      WorkflowHandle<Object> run = f.client().start("TwoSteps", options(Priority.INHERIT), 300);
      await().until(() -> CALLS.get() == 1);
      run.pause("maintenance of the payment provider");

      WorkflowDescription paused = run.describe();
      assertThat(paused.isPaused()).isTrue();
      assertThat(paused.pause().reason()).isEqualTo("maintenance of the payment provider");
      // the timer falls due while paused: it is held, the second activity never starts
      await().pollDelay(Duration.ofMillis(800)).until(() -> true);
      assertThat(CALLS.get()).isEqualTo(1);
      assertThat(run.describe().status()).isEqualTo(WorkflowStatus.RUNNING);

      run.resume();
      assertThat(run.getResult(Integer.class)).isEqualTo(3);
      assertThat(CALLS.get()).isEqualTo(2);
      assertThat(run.describe().pause()).isNull();
      assertThatThrownBy(() -> run.pause("too late"))
          .isInstanceOf(WorkflowNotRunningException.class);
    }
  }

  @Test
  void pausedQueueDispatchesNothingUntilResumed(@TempDir Path dir) {
    try (EngineFixture f = start(dir, TwoStepsImpl.class)) {
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

  @Test
  void pausedActivityTypeStaysQueuedWithItsInheritedPriority(@TempDir Path dir) {
    try (EngineFixture f = start(dir, TwoStepsImpl.class)) {
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

  @Test
  void activityOverridesTheInheritedPriorityButKeepsTheKey(@TempDir Path dir) {
    try (EngineFixture f = start(dir, UrgentStepImpl.class)) {
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

  @Test
  void badInputIsRefusedAndChangesNothing(@TempDir Path dir) {
    try (EngineFixture f = start(dir, TwoStepsImpl.class)) {
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
      assertThatThrownBy(() -> new dev.weft.store.KeyLimit(0, null))
          .hasMessageContaining("maxRunning must be >= 1, was 0");
      assertThat(f.client().flowControl()).isEqualTo(before);
    }
  }
}
