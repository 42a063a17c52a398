package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.PendingActivity;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker tuning: several pollers share a queue's slots; resource limits hold new work back. */
@Tag("engine")
class WorkerTuningTest {
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MAX_RUNNING = new AtomicInteger();
  static final AtomicInteger CALLS = new AtomicInteger();

  @ActivityInterface
  public interface Work {
    void work();
  }

  @WorkflowInterface
  public interface FanOut {
    @WorkflowMethod
    void run(int n);
  }

  public static class FanOutImpl implements FanOut {
    @Override
    public void run(int n) {
      Work work =
          Workflow.newActivityStub(
              Work.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      List<Promise<Void>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(Workflow.async(work::work));
      }
      Promise.allOf(all).get();
    }
  }

  /** Fans out to activities on the queue "held". */
  public static class HeldFanOutImpl implements FanOut {
    @Override
    public void run(int n) {
      Work work =
          Workflow.newActivityStub(
              Work.class,
              ActivityOptions.newBuilder()
                  .taskQueue("held")
                  .startToCloseTimeout(Duration.ofSeconds(10))
                  .build());
      List<Promise<Void>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(Workflow.async(work::work));
      }
      Promise.allOf(all).get();
    }
  }

  private static final Work WORK =
      () -> {
        CALLS.incrementAndGet();
        int now = RUNNING.incrementAndGet();
        MAX_RUNNING.accumulateAndGet(now, Math::max);
        try {
          // keeps executions overlapping so that the bound on them is exercised; no assertion
          // waits on it
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        RUNNING.decrementAndGet();
      };

  @Test
  void severalPollersShareTheQueuesSlots(@TempDir Path dir) {
    RUNNING.set(0);
    MAX_RUNNING.set(0);
    WorkerOptions options =
        WorkerOptions.newBuilder()
            .workflowSlots(4)
            .activitySlots(6)
            .workflowPollers(2)
            .activityPollers(4)
            .build();
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e ->
                e.newWorker("tuned", options)
                    .registerWorkflow(FanOut.class, FanOutImpl::new)
                    .registerActivities(WORK))) {
      FanOut stub =
          f.client()
              .newWorkflowStub(
                  FanOut.class, WorkflowOptions.newBuilder().taskQueue("tuned").build());
      stub.run(60);
      assertThat(MAX_RUNNING.get()).isBetween(1, 6);
    }
  }

  @Test
  void aWorkerAboveItsHeapLimitTakesNoNewActivities(@TempDir Path dir) {
    CALLS.set(0);
    // a heap threshold no JVM is under: the worker holds every new activity back
    WorkerOptions options =
        WorkerOptions.newBuilder().resourceLimits(new ResourceLimits(1.0, 1e-9)).build();
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e -> {
              e.newWorker("flows").registerWorkflow(FanOut.class, HeldFanOutImpl::new);
              e.newWorker("held", options).registerActivities(WORK);
            })) {
      WorkflowHandle<Object> run =
          f.client().start("FanOut", WorkflowOptions.newBuilder().taskQueue("flows").build(), 3);
      await().until(() -> run.describe().pendingActivities().size() == 3);
      await().pollDelay(Duration.ofMillis(500)).until(() -> true);
      assertThat(CALLS.get()).isZero();
      assertThat(run.describe().pendingActivities()).noneMatch(PendingActivity::running);
    }
  }

  @Test
  void badOptionsNameTheField() {
    assertThatThrownBy(() -> WorkerOptions.newBuilder().activityPollers(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activityPollers must be between 1 and activitySlots (200), was 0");
    assertThatThrownBy(() -> WorkerOptions.newBuilder().workflowSlots(2).workflowPollers(3).build())
        .hasMessageContaining("workflowPollers must be between 1 and workflowSlots (2), was 3");
    assertThatThrownBy(() -> new ResourceLimits(0, 1))
        .hasMessageContaining("maxCpu must be a fraction in (0, 1], was 0.0");
    assertThatThrownBy(() -> new ResourceLimits(1, 1.5))
        .hasMessageContaining("maxHeap must be a fraction in (0, 1], was 1.5");
  }
}
