package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sticky cache, replay after eviction, non-determinism detection and the deadlock watchdog. */
@Tag("engine")
class ReplayTest {
  static final Duration WAIT = Duration.ofSeconds(60);

  @ActivityInterface
  public interface Steps {
    String step(String name);

    String other(String name);
  }

  public static class StepsImpl implements Steps {
    @Override
    public String step(String name) {
      return name;
    }

    @Override
    public String other(String name) {
      return "other " + name;
    }
  }

  static Steps steps() {
    return Workflow.newActivityStub(
        Steps.class,
        ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
  }

  @WorkflowInterface
  public interface Pipeline {
    @WorkflowMethod
    List<String> run(int n);

    @SignalMethod
    void resume();
  }

  /** n steps, a timer in the middle, then waits for a signal before the last step. */
  public static class PipelineV1 implements Pipeline {
    boolean resumed;

    @Override
    public List<String> run(int n) {
      Steps steps = steps();
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(steps.step("s" + i));
        if (i == n / 2) {
          Workflow.sleep(Duration.ofMillis(10));
        }
      }
      Workflow.await(() -> resumed);
      out.add(steps.step("last"));
      return out;
    }

    @Override
    public void resume() {
      resumed = true;
    }
  }

  /** An incompatible change: the first step calls another activity type. */
  public static class PipelineV2 extends PipelineV1 {
    @Override
    public List<String> run(int n) {
      steps().other("s0");
      return super.run(n);
    }
  }

  @WorkflowInterface
  public interface Blocker {
    @WorkflowMethod
    String run();
  }

  public static class BlockerImpl implements Blocker {
    @Override
    public String run() {
      try {
        // real time on purpose: workflow code that blocks its thread, for the deadlock watchdog
        Thread.sleep(4_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "woke";
    }
  }

  private static java.util.function.Consumer<WeftEngine> register(Supplier<Pipeline> impl) {
    return e ->
        e.newWorker("replay")
            .registerWorkflow(Pipeline.class, impl)
            .registerWorkflow(Blocker.class, BlockerImpl::new)
            .registerActivities(new StepsImpl());
  }

  @Test
  void runsThatDoNotFitTheCacheAreReplayedAndAllComplete(@TempDir Path dir) {
    try (EngineFixture f =
        EngineFixture.start(dir, b -> b.cacheSize(1), register(PipelineV1::new))) {
      List<WorkflowHandle<List<String>>> handles = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Pipeline stub =
            f.client()
                .newWorkflowStub(
                    Pipeline.class, WorkflowOptions.newBuilder().taskQueue("replay").build());
        handles.add(f.client().start(stub::run, 6));
      }
      for (WorkflowHandle<List<String>> h : handles) {
        Awaitility.await().atMost(WAIT).until(() -> h.fetchHistory().events().size() > 20);
        h.signal("resume");
      }
      for (WorkflowHandle<List<String>> h : handles) {
        assertThat(h.getResult(WAIT)).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "last");
      }
    }
  }

  @Test
  void incompatibleCodeKeepsTheRunOpenWithBothSidesReportedUntilAFixedDeploy(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, register(PipelineV1::new))) {
      Pipeline stub =
          f.client()
              .newWorkflowStub(
                  Pipeline.class,
                  WorkflowOptions.newBuilder().taskQueue("replay").workflowId("nd").build());
      WorkflowHandle<List<String>> h = f.client().start(stub::run, 2);
      Awaitility.await().atMost(WAIT).until(() -> h.fetchHistory().events().size() > 8);

      f.restart(register(PipelineV2::new));
      f.client().getHandle("nd").signal("resume");
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> f.client().getHandle("nd").describe().workflowTaskFailure() != null);
      WorkflowDescription d = f.client().getHandle("nd").describe();
      assertThat(d.status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(d.workflowTaskFailure())
          .contains("NonDeterminismException")
          .contains("ActivityScheduled(seq 1, activity type 'Other')")
          .contains("ActivityScheduled(seq 1, activity type 'Step')");
      assertThat(d.nonDeterminism()).as("the two sides as data").isNotNull();
      assertThat(d.nonDeterminism().codeAskedFor()).contains("activity type 'Other'");
      assertThat(d.nonDeterminism().historyHas()).contains("activity type 'Step'");
      assertThat(d.nonDeterminism().eventId()).isPositive();
      assertThat(d.workflowTaskFailure())
          .contains("at history event " + d.nonDeterminism().eventId() + ":");

      f.restart(register(PipelineV1::new));
      assertThat(f.client().getHandle("nd").getResult(List.class))
          .containsExactly("s0", "s1", "last");
      Histories.record("replay-pipeline-resumed-after-fix", f.client().getHandle("nd"));
    }
  }

  @Test
  void blockingWorkflowCodeFailsItsTaskWithTheStack(@TempDir Path dir) {
    try (EngineFixture f =
        EngineFixture.start(
            dir, b -> b.deadlockTimeout(Duration.ofMillis(500)), register(PipelineV1::new))) {
      WorkflowHandle<Object> h =
          f.client().start("Blocker", WorkflowOptions.newBuilder().taskQueue("replay").build());
      Awaitility.await().atMost(WAIT).until(() -> h.describe().workflowTaskFailure() != null);
      assertThat(h.describe().workflowTaskFailure())
          .contains("PotentialDeadlockException")
          .contains("Thread.sleep");
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      h.terminate("blocked");
    }
  }
}
