package dev.weft.store.postgres;

import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.FlowControlChange;
import dev.weft.store.KeyLimit;
import dev.weft.store.RunRecord;
import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.tck.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two stores, as two processes would open them) on one PostgreSQL schema: what the
 * single-process contract cannot show. Claims never hand one task to both, a key's concurrency
 * limit holds when both claim at once, a quiet key queued on one node goes ahead of a backlog the
 * other queued, a node whose lease expired cannot commit with it (fencing), two nodes appending the
 * same event ID get one winner, and one node's commits wake the other's listeners through NOTIFY.
 */
class PostgresSharedStoreTest {
  private PostgresStore a;
  private PostgresStore b;

  @BeforeEach
  void open() {
    String schema = TestPostgres.newSchema("shared");
    a = PostgresStore.open(PostgresStoreOptions.of(TestPostgres.url()).schema(schema).nodeId("a"));
    // b sends its claims through a connection of their own, a sends them through its writer
    b =
        PostgresStore.open(
            PostgresStoreOptions.of(TestPostgres.url())
                .schema(schema)
                .nodeId("b")
                .claimConnection(true));
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  /** Queues activity tasks 1..{@code count} of run r1 through node a, in one batch. */
  private void queueActivities(int count, TaskScheduling scheduling) {
    List<Write> inserts = new ArrayList<>();
    for (int seq = 1; seq <= count; seq++) {
      inserts.add(
          new Write.InsertActivityTask(
              TestData.activity("r1", seq).scheduling(scheduling).build(), null));
    }
    assertThat(a.commit(Batch.of(inserts.toArray(Write[]::new))).join().committed()).isTrue();
  }

  @Test
  void concurrentClaimsFromTwoNodesNeverHandOutATaskTwice() throws Exception {
    RunRecord run = TestData.run("r1").build();
    a.commit(Batch.of(new Write.InsertRun(run, Set.of()))).join();
    queueActivities(400, TaskScheduling.DEFAULT);

    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<?>> claimers = new ArrayList<>();
    for (PostgresStore node : List.of(a, b, a, b)) {
      claimers.add(
          pool.submit(
              () -> {
                while (true) {
                  List<ActivityTaskState> got =
                      node.claimActivityTasks(
                          TestData.claim("n", 7, 7, T0.plusSeconds(1), Duration.ofMinutes(1)));
                  if (got.isEmpty()) {
                    return null;
                  }
                  got.forEach(t -> claimed.add(t.task().seq()));
                }
              }));
    }
    for (Future<?> f : claimers) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed).hasSize(400);
    assertThat(new HashSet<>(claimed)).hasSize(400);
  }

  @Test
  void aKeysConcurrencyLimitHoldsWhenNodesClaimAtTheSameTime() throws Exception {
    RunRecord run = TestData.run("r1").build();
    a.commit(Batch.of(new Write.InsertRun(run, Set.of()))).join();
    a.changeFlowControl(new FlowControlChange.RegisterQueue(TestData.QUEUE));
    a.changeFlowControl(
        new FlowControlChange.SetKeyLimit(TestData.QUEUE, "tenant-a", new KeyLimit(5, null)));
    TaskScheduling tenantA = new TaskScheduling(TaskScheduling.DEFAULT_PRIORITY, "tenant-a", 1);
    queueActivities(200, tenantA);

    // eight claimers on two nodes, each claiming until the key is full; nothing completes
    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<?>> claimers = new ArrayList<>();
    for (PostgresStore node : List.of(a, b, a, b, a, b, a, b)) {
      claimers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 20; i++) {
                  node.claimActivityTasks(
                          TestData.claim("n", 7, 2, T0.plusSeconds(1), Duration.ofMinutes(1)))
                      .forEach(t -> claimed.add(t.task().seq()));
                }
                return null;
              }));
    }
    for (Future<?> f : claimers) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed).as("tasks of tenant-a handed out (limit 5)").hasSize(5);
  }

  @Test
  void aQuietKeyQueuedOnAnotherNodeIsNotQueuedBehindTheNoisyKeysBacklog() {
    RunRecord run = TestData.run("r1").build();
    a.commit(Batch.of(new Write.InsertRun(run, Set.of()))).join();
    TaskScheduling noisy = new TaskScheduling(TaskScheduling.DEFAULT_PRIORITY, "noisy", 1);
    TaskScheduling quiet = new TaskScheduling(TaskScheduling.DEFAULT_PRIORITY, "quiet", 1);
    queueActivities(1_000, noisy);
    for (int i = 0; i < 3; i++) {
      assertThat(
              a.claimActivityTasks(
                  TestData.claim("bulk", 1, 100, T0.plusSeconds(1), Duration.ofMinutes(1))))
          .hasSize(100);
    }

    // b never saw the backlog being queued: it learns the turn from the waiting tasks
    Write quietTask =
        new Write.InsertActivityTask(
            TestData.activity("r1", 5_000).scheduling(quiet).build(), null);
    assertThat(b.commit(Batch.of(quietTask)).join().committed()).isTrue();

    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      a.claimActivityTasks(TestData.claim("w", 2 + i, 1, T0.plusSeconds(1), Duration.ofMinutes(1)))
          .forEach(t -> keys.add(t.task().scheduling().fairnessKey()));
    }
    assertThat(keys).as("the next two tasks handed out").contains("quiet");
  }

  @Test
  void aNodeWhoseLeaseExpiredCannotCompleteTheTaskAnotherNodeNowHolds() {
    RunRecord run = TestData.run("r1").build();
    a.commit(
            Batch.of(
                new Write.InsertRun(run, Set.of()),
                new Write.EnsureWorkflowTask("r1", TestData.QUEUE, T0, null)))
        .join();
    List<WorkflowTaskRecord> first =
        a.claimWorkflowTasks(TestData.claim("a", 11, 1, T0, Duration.ofSeconds(5)));
    assertThat(first).hasSize(1);
    // node a pauses past its lease; node b claims the task again
    List<WorkflowTaskRecord> second =
        b.claimWorkflowTasks(TestData.claim("b", 22, 1, T0.plusSeconds(6), Duration.ofSeconds(5)));
    assertThat(second).hasSize(1);

    CommitResult stale =
        a.commit(
                Batch.of(
                    new Write.AppendEvents("r1", 1, List.of(TestData.event(1, "from a"))),
                    new Write.CompleteWorkflowTask("r1", TestData.QUEUE, 11, 0, T0.plusSeconds(7))))
            .join();
    assertThat(stale).isInstanceOf(CommitResult.Conflict.class);
    assertThat(b.readHistory("r1", 1)).isEmpty();

    CommitResult current =
        b.commit(
                Batch.of(
                    new Write.AppendEvents("r1", 1, List.of(TestData.event(1, "from b"))),
                    new Write.CompleteWorkflowTask("r1", TestData.QUEUE, 22, 0, T0.plusSeconds(7))))
            .join();
    assertThat(current.committed()).isTrue();
    assertThat(a.readHistory("r1", 1))
        .extracting(e -> new String(e.data()))
        .containsExactly("from b");
  }

  @Test
  void twoNodesAppendingTheSameEventIdGetOneWinner() throws Exception {
    a.commit(Batch.of(new Write.InsertRun(TestData.run("r1").build(), Set.of()))).join();
    for (long id = 1; id <= 50; id++) {
      EventRecord fromA = TestData.event(id, "a" + id);
      EventRecord fromB = TestData.event(id, "b" + id);
      var fa = a.commit(Batch.of(new Write.AppendEvents("r1", id, List.of(fromA))));
      var fb = b.commit(Batch.of(new Write.AppendEvents("r1", id, List.of(fromB))));
      int winners = (fa.get().committed() ? 1 : 0) + (fb.get().committed() ? 1 : 0);
      assertThat(winners).as("winners of event " + id).isEqualTo(1);
    }
    List<EventRecord> history = a.readHistory("r1", 1);
    assertThat(history).extracting(EventRecord::eventId).containsExactlyElementsOf(ids(50));
  }

  @Test
  void oneNodesCommitWakesTheOtherNodesListeners() {
    List<String> heardByB = new CopyOnWriteArrayList<>();
    b.addListener(
        new StoreListener() {
          @Override
          public void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
            heardByB.add(kind + " " + taskQueue);
          }

          @Override
          public void runClosed(String runId) {
            heardByB.add("closed " + runId);
          }
        });
    a.commit(
            Batch.of(
                new Write.InsertRun(TestData.run("r1").build(), Set.of()),
                new Write.InsertActivityTask(
                    TestData.activity("r1", 1).taskQueue("billing").build(), null)))
        .join();
    await().atMost(Duration.ofSeconds(10)).until(() -> heardByB.contains("ACTIVITY billing"));

    a.commit(
            Batch.of(
                new Write.CloseRun(
                    "r1",
                    dev.weft.common.WorkflowStatus.COMPLETED,
                    T0.plusSeconds(1),
                    Long.MAX_VALUE)))
        .join();
    await().atMost(Duration.ofSeconds(10)).until(() -> heardByB.contains("closed r1"));
  }

  private static List<Long> ids(int count) {
    List<Long> ids = new ArrayList<>();
    for (long i = 1; i <= count; i++) {
      ids.add(i);
    }
    return ids;
  }
}
