package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
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

/** A worker never runs more tasks of a kind at once than it has slots. */
@Tag("engine")
class WorkerSlotsTest {
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MAX_RUNNING = new AtomicInteger();

  @ActivityInterface
  public interface Busy {
    void work();
  }

  @WorkflowInterface
  public interface Parallel {
    @WorkflowMethod
    void run(int n);
  }

  public static class ParallelImpl implements Parallel {
    @Override
    public void run(int n) {
      Busy busy =
          Workflow.newActivityStub(
              Busy.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      List<Promise<Void>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(Workflow.async(busy::work));
      }
      Promise.allOf(all).get();
    }
  }

  @Test
  void activitySlotsBoundConcurrency(@TempDir Path dir) {
    Busy busy =
        () -> {
          int now = RUNNING.incrementAndGet();
          MAX_RUNNING.accumulateAndGet(now, Math::max);
          try {
            // keeps executions overlapping so that the slot bound is exercised; no assertion
            // waits on it
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          RUNNING.decrementAndGet();
        };
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e ->
                e.newWorker("slots", new WorkerOptions(4, 3))
                    .registerWorkflow(Parallel.class, ParallelImpl::new)
                    .registerActivities(busy))) {
      Parallel stub =
          f.client()
              .newWorkflowStub(
                  Parallel.class, WorkflowOptions.newBuilder().taskQueue("slots").build());
      stub.run(30);
      assertThat(MAX_RUNNING.get()).isBetween(1, 3);
    }
  }
}
