package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A query observes every signal, update and event accepted before it: it is answered after the
 * run's pending workflow task, as in Temporal.
 */
@Tag("engine")
public class QueryConsistencyTest {

  @WorkflowInterface
  public interface Counter {
    @WorkflowMethod
    int count();

    @SignalMethod
    void set(int value);

    @UpdateMethod
    int add(int delta);

    @SignalMethod
    void stop();

    @QueryMethod
    int value();
  }

  public static class CounterImpl implements Counter {
    private int value;
    private boolean stopped;

    @Override
    public int count() {
      Workflow.await(() -> stopped);
      return value;
    }

    @Override
    public void set(int value) {
      this.value = value;
    }

    @Override
    public int add(int delta) {
      value += delta;
      return value;
    }

    @Override
    public void stop() {
      stopped = true;
    }

    @Override
    public int value() {
      return value;
    }
  }

  private static final Consumer<WeftEngine> WORKERS =
      e -> e.newWorker("counters").registerWorkflow(Counter.class, CounterImpl::new);

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().taskQueue("counters").workflowId(id).build();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aQueryRightAfterASignalSeesIt(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, WORKERS)) {
      Counter stub = f.client().newWorkflowStub(Counter.class, options("counter-1"));
      WorkflowHandle<Integer> h = f.client().start(stub::count);
      int consistent = 0;
      for (int i = 1; i <= 100; i++) {
        h.signal("set", i);
        if (h.query("value", Integer.class) == i) {
          consistent++;
        }
      }
      assertThat(consistent).isEqualTo(100);
      stub.stop();
      assertThat(h.getResult()).isEqualTo(100);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aQueryRightAfterAStartSeesTheFirstWorkflowTask(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, WORKERS)) {
      for (int i = 0; i < 20; i++) {
        Counter stub = f.client().newWorkflowStub(Counter.class, options("counter-s" + i));
        f.client().signalWithStart(stub::count, () -> stub.set(7));
        assertThat(stub.value()).isEqualTo(7);
      }
    }
  }

  @Test
  void typedStubQueriesSeeSignalsAndUpdatesSentBeforeThem(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WORKERS)) {
      Counter stub = f.client().newWorkflowStub(Counter.class, options("counter-2"));
      f.client().start(stub::count);
      for (int i = 1; i <= 50; i++) {
        stub.set(i);
        assertThat(stub.value()).isEqualTo(i);
        assertThat(stub.add(1000)).isEqualTo(i + 1000);
        assertThat(stub.value()).isEqualTo(i + 1000);
      }
    }
  }

  /** The run's workflow tasks are held by the node that runs it; the query comes from another. */
  @Test
  void aQueryFromAnotherNodeSeesTheSignalItSent(@TempDir Path dir) {
    try (EngineFixture a = EngineFixture.start(TestStore.POSTGRES, dir, WORKERS);
        EngineFixture b = EngineFixture.start(TestStore.POSTGRES, dir, WORKERS)) {
      WorkflowHandle<Object> started =
          a.client().start("Counter", options("counter-3"), new Object[0]);
      WorkflowHandle<Object> fromB = b.client().getHandle("counter-3");
      int consistent = 0;
      for (int i = 1; i <= 100; i++) {
        fromB.signal("set", i);
        if (fromB.query("value", Integer.class) == i) {
          consistent++;
        }
      }
      assertThat(consistent).isEqualTo(100);
      fromB.signal("stop");
      assertThat(started.getResult(Integer.class)).isEqualTo(100);
    }
  }

  @Test
  void pausedAndClosedRunsAreAnsweredAtOnceFromWhatTheyRecorded(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WORKERS)) {
      WorkflowHandle<Object> h = f.client().start("Counter", options("counter-4"), new Object[0]);
      h.signal("set", 1);
      assertThat(h.query("value", Integer.class)).isEqualTo(1);
      h.pause("inspecting");
      h.signal("set", 2);
      // the paused run's task is held: it answers from its history, without the held signal
      assertThat(h.query("value", Integer.class)).isEqualTo(1);
      h.terminate("done");
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.TERMINATED);
      assertThat(h.query("value", Integer.class)).isEqualTo(1);
    }
  }
}
