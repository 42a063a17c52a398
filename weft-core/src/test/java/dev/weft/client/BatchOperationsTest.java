package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.InvalidQueryException;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batch operations: a system workflow pages through a query's runs and applies cancel, terminate,
 * signal, pause or resume at a rate limit, with progress that describe reads; stoppable, and it
 * goes on after a restart.
 */
@Tag("engine")
public class BatchOperationsTest {

  @WorkflowInterface
  public interface Parked {
    @WorkflowMethod
    String park();

    @SignalMethod
    void release(String value);

    @QueryMethod
    String value();
  }

  public static class ParkedImpl implements Parked {
    private String value;

    @Override
    public String park() {
      Workflow.await(() -> value != null);
      return value;
    }

    @Override
    public void release(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }

  private static final Consumer<WeftEngine> WORKERS =
      e -> e.newWorker("parking").registerWorkflow(Parked.class, ParkedImpl::new);

  private static List<WorkflowHandle<Object>> park(WeftClient client, String prefix, int n) {
    List<WorkflowHandle<Object>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(
          client.start(
              "Parked",
              WorkflowOptions.newBuilder().taskQueue("parking").workflowId(prefix + i).build(),
              new Object[0]));
    }
    return runs;
  }

  private static String ofPrefix(String prefix) {
    return "WorkflowId STARTS_WITH '" + prefix + "' AND ExecutionStatus = 'Running'";
  }

  private static BatchOperationDescription awaitState(
      WeftClient client, String jobId, BatchOperationState state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.describeBatchOperation(jobId).state() == state);
    return client.describeBatchOperation(jobId);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void terminatesEveryMatchingRunAndRecordsItsProgress(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, WORKERS)) {
      WeftClient client = f.client();
      List<WorkflowHandle<Object>> runs = park(client, "term-", 5);
      WorkflowHandle<Object> other = park(client, "keep-", 1).get(0);

      String jobId =
          client.startBatchOperation(
              BatchOperation.terminate(ofPrefix("term-"), "bad deploy")
                  .withJobId("job-1")
                  .withMaxOperationsPerSecond(1000));

      assertThat(jobId).isEqualTo("job-1");
      BatchOperationDescription done = awaitState(client, jobId, BatchOperationState.COMPLETED);
      assertThat(done.type()).isEqualTo(BatchOperationType.TERMINATE);
      assertThat(done.query()).isEqualTo(ofPrefix("term-"));
      assertThat(done.reason()).isEqualTo("bad deploy");
      assertThat(done.totalOperationCount()).isEqualTo(5L);
      assertThat(done.completeOperationCount()).isEqualTo(5);
      assertThat(done.failureOperationCount()).isZero();
      assertThat(done.closeTime()).isAfterOrEqualTo(done.startTime());
      for (WorkflowHandle<Object> run : runs) {
        assertThat(run.describe().status()).isEqualTo(WorkflowStatus.TERMINATED);
      }
      assertThat(other.describe().status()).isEqualTo(WorkflowStatus.RUNNING);

      assertThat(client.listBatchOperations(10))
          .extracting(BatchOperationDescription::jobId)
          .containsExactly("job-1");
      WorkflowPage batches =
          client.listWorkflows(
              WorkflowFilter.query("WorkflowType = '" + WeftClient.BATCH_WORKFLOW_TYPE + "'"));
      assertThat(batches.workflows())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.workflowId()).isEqualTo("__weft_batch:job-1");
                assertThat(s.taskQueue()).isEqualTo("__weft_system");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signalsPageByPageAtTheRateLimitAndRecordsRefusals(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, WORKERS)) {
      WeftClient client = f.client();
      List<WorkflowHandle<Object>> runs = park(client, "sig-", 5);

      String jobId =
          client.startBatchOperation(
              BatchOperation.signal(ofPrefix("sig-"), "go", "release", "batched")
                  .withMaxOperationsPerSecond(4));
      BatchOperationDescription done = awaitState(client, jobId, BatchOperationState.COMPLETED);

      assertThat(done.completeOperationCount()).isEqualTo(5);
      for (WorkflowHandle<Object> run : runs) {
        assertThat(run.getResult(String.class)).isEqualTo("batched");
      }
      Histories.record("batch-signal-two-pages", client.getHandle("__weft_batch:" + jobId));
      // 4 a second: pages of 4 runs, the second page after a timer
      List<EventAttributes> batchHistory =
          client.getHandle("__weft_batch:" + jobId).fetchHistory().events().stream()
              .map(e -> e.attributes())
              .toList();
      assertThat(batchHistory)
          .filteredOn(a -> a instanceof EventAttributes.TimerStarted)
          .hasSize(1);
      assertThat(batchHistory)
          .filteredOn(a -> a instanceof EventAttributes.ActivityScheduled)
          .hasSize(2);

      List<WorkflowHandle<Object>> more = park(client, "nosig-", 3);
      String refused =
          client.startBatchOperation(
              BatchOperation.signal(ofPrefix("nosig-"), "typo", "relase", "x")
                  .withMaxOperationsPerSecond(1000));
      BatchOperationDescription failed = awaitState(client, refused, BatchOperationState.COMPLETED);
      assertThat(failed.completeOperationCount()).isZero();
      assertThat(failed.failureOperationCount()).isEqualTo(3);
      assertThat(failed.failures())
          .extracting(BatchFailure::workflowId)
          .containsExactlyInAnyOrder("nosig-0", "nosig-1", "nosig-2");
      assertThat(failed.failures().get(0).message()).contains("relase");
      assertThat(more.get(0).describe().status()).isEqualTo(WorkflowStatus.RUNNING);
    }
  }

  @Test
  void pausesAndResumesAndCancels(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WORKERS)) {
      WeftClient client = f.client();
      List<WorkflowHandle<Object>> runs = park(client, "pr-", 3);
      String query = ofPrefix("pr-");

      awaitState(
          client,
          client.startBatchOperation(BatchOperation.pause(query, "audit")),
          BatchOperationState.COMPLETED);
      assertThat(client.countWorkflows(WorkflowFilter.query(query + " AND Paused = true")))
          .isEqualTo(3);
      awaitState(
          client,
          client.startBatchOperation(BatchOperation.resume(query, "audit over")),
          BatchOperationState.COMPLETED);
      assertThat(client.countWorkflows(WorkflowFilter.query(query + " AND Paused = true")))
          .isZero();
      awaitState(
          client,
          client.startBatchOperation(BatchOperation.cancel(query, "not needed")),
          BatchOperationState.COMPLETED);
      for (WorkflowHandle<Object> run : runs) {
        await().until(() -> run.describe().status() == WorkflowStatus.CANCELED);
      }
    }
  }

  @Test
  void aStoppedBatchLeavesTheRestAlone(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WORKERS)) {
      WeftClient client = f.client();
      park(client, "stop-", 5);
      // one run every 5 seconds
      String jobId =
          client.startBatchOperation(
              BatchOperation.terminate(ofPrefix("stop-"), "slowly")
                  .withMaxOperationsPerSecond(0.2));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> client.describeBatchOperation(jobId).completeOperationCount() >= 1);

      client.stopBatchOperation(jobId, "changed my mind");

      BatchOperationDescription stopped = client.describeBatchOperation(jobId);
      assertThat(stopped.state()).isEqualTo(BatchOperationState.STOPPED);
      assertThat(stopped.completeOperationCount()).isBetween(1L, 4L);
      assertThat(client.countWorkflows(WorkflowFilter.query(ofPrefix("stop-"))))
          .isEqualTo(5 - stopped.completeOperationCount());
      assertThatThrownBy(() -> client.stopBatchOperation(jobId, "again"))
          .isInstanceOf(dev.weft.failure.WorkflowNotRunningException.class);
    }
  }

  @Test
  void goesOnAfterARestart(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WORKERS)) {
      park(f.client(), "rs-", 3);
      String jobId =
          f.client()
              .startBatchOperation(
                  BatchOperation.terminate(ofPrefix("rs-"), "restart")
                      .withMaxOperationsPerSecond(1));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> f.client().describeBatchOperation(jobId).completeOperationCount() >= 1);

      f.restart(WORKERS);

      BatchOperationDescription done = awaitState(f.client(), jobId, BatchOperationState.COMPLETED);
      assertThat(done.completeOperationCount()).isEqualTo(3);
      assertThat(f.client().countWorkflows(WorkflowFilter.query(ofPrefix("rs-")))).isZero();
    }
  }

  @Test
  void aQueryThatDoesNotParseStartsNothing(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WORKERS)) {
      WeftClient client = f.client();
      park(client, "bad-", 1);

      assertThatThrownBy(
              () -> client.startBatchOperation(BatchOperation.terminate("WorkflowId = ", "x")))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("WorkflowId = ");
      assertThatThrownBy(
              () ->
                  client.startBatchOperation(
                      BatchOperation.terminate("WorkflowId = 'a' ORDER BY StartTime", "x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ORDER BY");
      assertThatThrownBy(() -> BatchOperation.terminate("WorkflowId = 'a'", " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reason");
      assertThatThrownBy(
              () -> BatchOperation.cancel("WorkflowId = 'a'", "x").withMaxOperationsPerSecond(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxOperationsPerSecond");
      assertThat(client.listBatchOperations(10)).isEmpty();
      assertThat(client.countWorkflows(WorkflowFilter.all())).isEqualTo(1);
    }
  }
}
