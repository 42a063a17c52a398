package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stubs and handles made by a start follow the workflow ID across continue-as-new and retries; only
 * those whose caller named a run stay bound to it.
 */
@Tag("engine")
public class StubFollowsWorkflowTest {

  @WorkflowInterface
  public interface Batches {
    /** Collects items, two per run (then continues as new with them), until finished. */
    @WorkflowMethod
    List<String> collect(List<String> carried);

    @SignalMethod
    void add(String item);

    @SignalMethod
    void finish();

    @QueryMethod
    List<String> items();
  }

  public static class BatchesImpl implements Batches {
    private final List<String> items = new ArrayList<>();
    private int added;
    private boolean finished;

    @Override
    public List<String> collect(List<String> carried) {
      items.addAll(carried);
      Workflow.await(() -> finished || added == 2);
      if (!finished) {
        Workflow.continueAsNew(List.copyOf(items));
      }
      if (Workflow.getInfo().attempt() == 1 && items.contains("fail")) {
        throw ApplicationFailure.newFailure("asked to fail", "Asked");
      }
      return items;
    }

    @Override
    public void add(String item) {
      items.add(item);
      added++;
    }

    @Override
    public void finish() {
      finished = true;
    }

    @Override
    public List<String> items() {
      return items;
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir, e -> e.newWorker("batches").registerWorkflow(Batches.class, BatchesImpl::new));
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().taskQueue("batches").workflowId(id).build();
  }

  private static void awaitNewRun(WeftClient client, String workflowId, String firstRunId) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !client.getHandle(workflowId).runId().equals(firstRunId));
  }

  @Test
  void aStartedStubSignalsQueriesAndReturnsTheResultOfTheLastRun(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Batches stub = f.client().newWorkflowStub(Batches.class, options("batch-1"));
      WorkflowHandle<List<String>> h = f.client().start(stub::collect, List.of());
      String first = h.runId();
      stub.add("a");
      stub.add("b");
      awaitNewRun(f.client(), "batch-1", first);

      stub.add("c");
      assertThat(stub.items()).containsExactly("a", "b", "c");
      stub.finish();

      assertThat(stub.collect(List.of())).containsExactly("a", "b", "c");
      assertThat(h.getResult()).containsExactly("a", "b", "c");
      assertThat(h.runId()).isEqualTo(first);
      assertThat(h.describe().runId()).isEqualTo(first);
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.CONTINUED_AS_NEW);
      assertThat(f.client().getHandle("batch-1").describe().status())
          .isEqualTo(WorkflowStatus.COMPLETED);
    }
  }

  @Test
  void aHandleFromAStartSignalsCancelsAndTerminatesTheCurrentRun(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client().start("Batches", options("batch-2"), new Object[] {List.of()});
      String first = h.runId();
      h.signal("add", "a");
      h.signal("add", "b");
      awaitNewRun(f.client(), "batch-2", first);

      h.signal("add", "c");
      assertThat(h.query("items", List.class)).containsExactly("a", "b", "c");
      h.terminate("enough");
      assertThat(f.client().getHandle("batch-2").describe().status())
          .isEqualTo(WorkflowStatus.TERMINATED);
      assertThatThrownBy(h::getResult).isInstanceOf(WorkflowFailedException.class);
      assertThat(f.client().getHandle("batch-2", first).describe().status())
          .isEqualTo(WorkflowStatus.CONTINUED_AS_NEW);
    }
  }

  @Test
  void signalWithStartAndIdStubsFollowTheWorkflowToo(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Batches starter = f.client().newWorkflowStub(Batches.class, options("batch-3"));
      WorkflowHandle<List<String>> h =
          f.client().signalWithStart(() -> starter.collect(List.of()), () -> starter.add("a"));
      starter.add("b");
      awaitNewRun(f.client(), "batch-3", h.runId());

      String second = f.client().getHandle("batch-3").runId();
      Batches byId = f.client().newWorkflowStub(Batches.class, "batch-3");
      byId.add("c");
      starter.add("d");
      assertThat(byId.items()).containsExactly("a", "b", "c", "d");
      awaitNewRun(f.client(), "batch-3", second);
      byId.finish();
      assertThat(byId.collect(List.of())).containsExactly("a", "b", "c", "d");
      assertThat(h.getResult()).containsExactly("a", "b", "c", "d");
    }
  }

  @Test
  void aNamedRunStaysBoundButItsResultFollowsTheChain(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client().start("Batches", options("batch-4"), new Object[] {List.of()});
      String first = h.runId();
      WorkflowHandle<Object> bound = f.client().getHandle("batch-4", first);
      Batches boundStub = f.client().newWorkflowStub(Batches.class, "batch-4", Optional.of(first));
      boundStub.add("a");
      bound.signal("add", "b");
      awaitNewRun(f.client(), "batch-4", first);

      assertThatThrownBy(() -> bound.signal("add", "c"))
          .isInstanceOf(WorkflowNotRunningException.class)
          .hasMessageContaining(first);
      assertThatThrownBy(() -> boundStub.add("c")).isInstanceOf(WorkflowNotRunningException.class);
      assertThat(boundStub.items()).containsExactly("a", "b");
      assertThat(bound.runId()).isEqualTo(first);

      h.signal("add", "c");
      h.signal("finish");
      assertThat(boundStub.collect(List.of())).containsExactly("a", "b", "c");
      assertThat(bound.getResult()).isEqualTo(List.of("a", "b", "c"));
    }
  }

  @Test
  void theResultFollowsAWorkflowRetry(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions retried =
          options("batch-5").toBuilder()
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .initialInterval(Duration.ofMillis(10))
                      .maximumAttempts(2)
                      .build())
              .build();
      Batches stub = f.client().newWorkflowStub(Batches.class, retried);
      WorkflowHandle<List<String>> h = f.client().start(stub::collect, List.of("fail"));
      stub.finish();
      awaitNewRun(f.client(), "batch-5", h.runId());
      stub.finish();
      assertThat(h.getResult()).containsExactly("fail");
      assertThat(stub.collect(List.of())).containsExactly("fail");
      assertThat(f.client().getHandle("batch-5", h.runId()).describe().status())
          .isEqualTo(WorkflowStatus.FAILED);
    }
  }
}
