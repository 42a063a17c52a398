package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static dev.weft.store.tck.TestData.event;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.RunQuery;
import dev.weft.store.TaskLease;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Pins the store under concurrent callers (virtual threads): concurrent commits all succeed and are
 * all visible (whatever the store groups into one transaction); of concurrent conditional writes
 * with the same condition exactly one wins; concurrent claims never lease a task twice; and {@code
 * close} finishes the commits already submitted.
 */
public abstract class ConcurrencyContract extends StoreContract {
  private static final int THREADS = 8;

  @Test
  void concurrentCommitsAllSucceedAndAreAllVisible() {
    int perThread = 200;

    List<List<CommitResult>> results =
        race(
            THREADS,
            t -> {
              List<CommitResult> mine = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                String runId = "t" + t + "-" + i;
                mine.add(
                    commit(
                        run(runId).insert(),
                        new Write.AppendEvents(runId, 1, List.of(event(1, runId))),
                        new Write.EnsureWorkflowTask(runId, QUEUE, T0)));
              }
              return mine;
            });

    assertThat(results).flatMap(r -> r).hasSize(THREADS * perThread).allMatch(r -> r.committed());
    assertThat(store.stats().runs()).isEqualTo(THREADS * perThread);
    assertThat(store.stats().historyEvents()).isEqualTo(THREADS * perThread);
    assertThat(store.stats().workflowTasks()).isEqualTo(THREADS * perThread);
    assertThat(store.countRuns(new RunQuery(NAMESPACE, null, null, null, 1, null)))
        .isEqualTo(THREADS * perThread);
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < perThread; i++) {
        assertThat(storedRun("t" + t + "-" + i).nextEventId()).isEqualTo(2);
      }
    }
  }

  /**
   * A burst of steps submitted together (so a store may put them in one transaction, and run their
   * updates together): each step completes its run's leased activity, appends three events and
   * leases the next activity. The steps with a stale lease or a stale history position are refused
   * alone, each with its own reason, and leave their runs as they were; all the others commit.
   */
  @Test
  void aBurstOfStepsRefusesOnlyTheStaleOnes() {
    int runs = 60;
    Duration lease = Duration.ofMinutes(5);
    for (int i = 0; i < runs; i++) {
      String runId = "burst-" + i;
      commitOk(
          run(runId).insert(),
          new Write.AppendEvents(runId, 1, List.of(event(1, runId))),
          new Write.InsertActivityTask(
              activity(runId, 1).build(), new TaskLease("node-a", 100 + i, T0, T0.plus(lease))));
    }
    List<CompletableFuture<CommitResult>> steps = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String runId = "burst-" + i;
      long token = i % 10 == 3 ? 1 : 100 + i; // every tenth step lost its lease
      long next = i % 10 == 7 ? 3 : 2; // and every tenth works from a stale history position
      steps.add(
          store.commit(
              Batch.of(
                  new Write.CompleteActivityTask(runId, 1, token),
                  new Write.AppendEvents(
                      runId,
                      next,
                      List.of(event(next, "done"), event(next + 1, "task"), event(next + 2, "n"))),
                  new Write.InsertActivityTask(
                      activity(runId, 2).build(),
                      new TaskLease("node-a", 1_000 + i, T0, T0.plus(lease))))));
    }
    for (int i = 0; i < runs; i++) {
      String runId = "burst-" + i;
      CommitResult result = await(steps.get(i));
      List<Long> tasks =
          store.findActivityTasks(runId).stream().map(t -> t.task().seq()).sorted().toList();
      if (i % 10 == 3 || i % 10 == 7) {
        assertThat(result).as("step of " + runId).isInstanceOf(CommitResult.Conflict.class);
        assertThat(((CommitResult.Conflict) result).reason())
            .as("reason of " + runId)
            .contains(i % 10 == 3 ? "no longer held" : "next event ID 2");
        assertThat(store.readHistory(runId, 1)).as("history of " + runId).hasSize(1);
        assertThat(tasks).as("activity tasks of " + runId).containsExactly(1L);
      } else {
        assertThat(result.committed()).as("step of " + runId + ": " + result).isTrue();
        assertThat(store.readHistory(runId, 1)).as("history of " + runId).hasSize(4);
        assertThat(tasks).as("activity tasks of " + runId).containsExactly(2L);
        ActivityTaskState next = store.findActivityTasks(runId).get(0);
        assertThat(next.leaseOwner()).isEqualTo("node-a");
        assertThat(next.leaseToken()).isEqualTo(1_000 + i);
        assertThat(store.findRun(runId).orElseThrow().historyBytes())
            .as("history size of " + runId)
            .isEqualTo(runId.length() + "done".length() + "task".length() + "n".length());
      }
    }
  }

  /**
   * Several steps of one run submitted together (a store may put them in one transaction): each
   * appends after the one before it, so each must see its predecessor's events; all commit, in
   * order, and every event's running history size counts the ones before it.
   */
  @Test
  void aBurstOfStepsOfOneRunAppliesInOrder() {
    int runs = 20;
    int steps = 4;
    for (int i = 0; i < runs; i++) {
      String runId = "chain-" + i;
      commitOk(run(runId).insert(), new Write.AppendEvents(runId, 1, List.of(event(1, "s"))));
    }
    List<CompletableFuture<CommitResult>> commits = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      for (int i = 0; i < runs; i++) {
        String runId = "chain-" + i;
        long first = 2 + 2L * step;
        commits.add(
            store.commit(
                Batch.of(
                    new Write.AppendEvents(
                        runId, first, List.of(event(first, "ab"), event(first + 1, "cde"))))));
      }
    }
    for (CompletableFuture<CommitResult> commit : commits) {
      CommitResult result = await(commit);
      assertThat(result.committed()).as(result.toString()).isTrue();
    }
    for (int i = 0; i < runs; i++) {
      String runId = "chain-" + i;
      assertThat(store.readHistory(runId, 1))
          .extracting(EventRecord::eventId)
          .as("history of " + runId)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(store.findRun(runId).orElseThrow().historyBytes())
          .as("history size of " + runId)
          .isEqualTo(1 + 5L * steps);
    }
  }

  /**
   * Completing workflow tasks and closing runs in one burst (a store may run such writes together,
   * deferring their checks): each must see the inbox events committed before it. A completion that
   * missed one re-arms its task, a close that missed one is refused; the others apply.
   */
  @Test
  void aBurstOfCompletionsAndClosesSeesEveryInboxEvent() {
    int runs = 40;
    Duration lease = Duration.ofMinutes(5);
    Instant now = T0.plusSeconds(10);
    long[] consumed = new long[runs];
    for (int i = 0; i < runs; i++) {
      String runId = "inbox-burst-" + i;
      commitOk(
          run(runId).insert(),
          new Write.AppendEvents(runId, 1, List.of(event(1, runId))),
          new Write.EnsureWorkflowTask(
              runId, QUEUE, T0, new TaskLease("node-a", 500 + i, T0, T0.plus(lease))),
          new Write.InsertInbox(runId, "SignalReceived", T0, bytes("seen")));
      consumed[i] = store.readInbox(runId).getFirst().inboxId();
      if (i % 5 == 2) {
        commitOk(new Write.InsertInbox(runId, "SignalReceived", T0, bytes("unseen")));
      }
    }
    List<CompletableFuture<CommitResult>> writes = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String runId = "inbox-burst-" + i;
      writes.add(
          store.commit(
              i % 2 == 0
                  ? Batch.of(
                      new Write.CompleteWorkflowTask(runId, QUEUE, 500 + i, consumed[i], now))
                  : Batch.of(
                      new Write.CloseRun(runId, WorkflowStatus.COMPLETED, now, consumed[i]),
                      new Write.DeleteRunTasks(runId))));
    }
    for (int i = 0; i < runs; i++) {
      String runId = "inbox-burst-" + i;
      CommitResult result = await(writes.get(i));
      boolean unseen = i % 5 == 2;
      if (i % 2 == 0) {
        assertThat(result.committed()).as("completion of " + runId + ": " + result).isTrue();
        Optional<WorkflowTaskRecord> task = store.findWorkflowTask(runId);
        if (unseen) {
          assertThat(task).as("re-armed task of " + runId).isPresent();
          assertThat(task.get().leaseOwner()).as("lease of " + runId).isNull();
        } else {
          assertThat(task).as("task of " + runId).isEmpty();
        }
      } else if (unseen) {
        assertThat(result).as("close of " + runId).isInstanceOf(CommitResult.Conflict.class);
        assertThat(((CommitResult.Conflict) result).reason()).contains("did not see");
        assertThat(storedRun(runId).status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(store.findWorkflowTask(runId)).as("task of " + runId).isPresent();
      } else {
        assertThat(result.committed()).as("close of " + runId + ": " + result).isTrue();
        assertThat(storedRun(runId).status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(store.findWorkflowTask(runId)).as("task of " + runId).isEmpty();
        assertThat(store.readInbox(runId)).as("inbox of " + runId).isEmpty();
      }
    }
  }

  @Test
  void concurrentAppendsWithTheSameExpectedIdHaveExactlyOneWinner() {
    startRun("r1");
    int rounds = 25;
    List<String> winners = new ArrayList<>();

    for (long id = 1; id <= rounds; id++) {
      long expected = id;
      List<CommitResult> results =
          race(
              THREADS,
              t ->
                  commit(
                      new Write.AppendEvents(
                          "r1", expected, List.of(event(expected, "thread-" + t)))));

      assertThat(results).filteredOn(CommitResult::committed).hasSize(1);
      assertThat(results).filteredOn(r -> r instanceof CommitResult.Conflict).hasSize(THREADS - 1);
      winners.add("thread-" + results.indexOf(CommitResult.ok()));
    }

    List<EventRecord> history = store.readHistory("r1", 1);
    assertThat(history).extracting(EventRecord::eventId).hasSize(rounds).isSorted();
    assertThat(history)
        .extracting(e -> new String(e.data(), StandardCharsets.UTF_8))
        .containsExactlyElementsOf(winners);
    assertThat(storedRun("r1").nextEventId()).isEqualTo(rounds + 1);
  }

  @Test
  void concurrentStartsOfTheSameRunIdHaveExactlyOneWinnerEach() {
    int runs = 100;

    List<List<CommitResult>> results =
        race(
            THREADS,
            t -> {
              List<CommitResult> mine = new ArrayList<>();
              for (int i = 0; i < runs; i++) {
                mine.add(commit(run("r" + i).insert()));
              }
              return mine;
            });

    for (int i = 0; i < runs; i++) {
      int run = i;
      assertThat(results)
          .as("winners of run r%d", i)
          .filteredOn(mine -> mine.get(run).committed())
          .hasSize(1);
    }
    assertThat(store.stats().runs()).isEqualTo(runs);
  }

  @Test
  void concurrentWorkflowTaskClaimsNeverLeaseATaskTwice() {
    int tasks = 100;
    Batch.Builder batch = Batch.builder();
    for (int i = 0; i < tasks; i++) {
      batch.add(run("r" + i).insert()).add(new Write.EnsureWorkflowTask("r" + i, QUEUE, T0));
    }
    commitOk(batch.build());

    List<List<String>> claimed =
        race(
            THREADS,
            t -> {
              List<String> mine = new ArrayList<>();
              List<WorkflowTaskRecord> got;
              do {
                got = store.claimWorkflowTasks(claim("w" + t, t + 1, 3, T0, Duration.ofMinutes(5)));
                got.forEach(task -> mine.add(task.runId()));
              } while (!got.isEmpty());
              return mine;
            });

    assertThat(claimed).flatMap(c -> c).hasSize(tasks).doesNotHaveDuplicates();
  }

  @Test
  void concurrentActivityClaimsNeverLeaseATaskTwice() {
    int tasks = 100;
    startRun("r1");
    Batch.Builder batch = Batch.builder();
    for (int seq = 1; seq <= tasks; seq++) {
      batch.add(activity("r1", seq).insert());
    }
    commitOk(batch.build());

    List<List<Long>> claimed =
        race(
            THREADS,
            t -> {
              List<Long> mine = new ArrayList<>();
              List<ActivityTaskState> got;
              do {
                got = store.claimActivityTasks(claim("w" + t, t + 1, 3, T0, Duration.ofMinutes(5)));
                got.forEach(s -> mine.add(s.task().seq()));
              } while (!got.isEmpty());
              return mine;
            });

    assertThat(claimed).flatMap(c -> c).hasSize(tasks).doesNotHaveDuplicates();
    assertThat(store.findActivityTasks("r1")).allMatch(s -> s.task().attempt() == 1);
  }

  @Test
  void closeFinishesTheCommitsAlreadySubmitted() {
    List<CompletableFuture<CommitResult>> submitted = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      submitted.add(store.commit(Batch.of(run("r" + i).insert())));
    }

    closeStoreNow();

    assertThat(submitted).allMatch(CompletableFuture::isDone);
    assertThat(submitted).allMatch(f -> f.join().committed());
  }

  /**
   * Runs {@code n} tasks on virtual threads that start together, and returns their results in task
   * order.
   */
  private static <T> List<T> race(int n, IntFunction<T> task) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < n; t++) {
        int index = t;
        Callable<T> call =
            () -> {
              start.await();
              return task.apply(index);
            };
        futures.add(threads.submit(call));
      }
      start.countDown();
    }
    List<T> results = new ArrayList<>(n);
    for (Future<T> f : futures) {
      results.add(get(f));
    }
    return results;
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("racing task failed: " + e.getCause(), e.getCause());
    }
  }
}
