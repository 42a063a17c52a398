package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.store.Batch;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention: closed runs are deleted with everything of them once they closed longer ago than the
 * namespace's retention, running runs never; a large backlog goes in batches while workflows go on.
 */
@Tag("engine")
public class RetentionTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration RETENTION = Duration.ofSeconds(1);
  static final Duration SWEEP_INTERVAL = Duration.ofMillis(200);

  @WorkflowInterface
  public interface Job {
    @WorkflowMethod
    String run(String outcome);

    @SignalMethod
    void finish();
  }

  public static class JobImpl implements Job {
    private boolean finished;

    @Override
    public String run(String outcome) {
      switch (outcome) {
        case "fail" -> throw ApplicationFailure.newFailure("bad input", "BadInput");
        case "wait" -> Workflow.await(() -> finished);
        default -> {}
      }
      return "done " + outcome;
    }

    @Override
    public void finish() {
      finished = true;
    }
  }

  @WorkflowInterface
  public interface Progress {
    /**
     * Runs steps until a step reports that a backlog came and went; returns the number of steps.
     */
    @WorkflowMethod
    int run();
  }

  @ActivityInterface
  public interface Steps {
    /** Returns whether the backlog is gone. */
    boolean step();
  }

  public static class ProgressImpl implements Progress {
    private final Steps steps =
        Workflow.newActivityStub(
            Steps.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public int run() {
      int count = 1;
      while (!steps.step() && count < 100_000) {
        count++;
      }
      return count;
    }
  }

  @Test
  void closedRunsAreDeletedOnceTheRetentionPassedAndRunningRunsAreKept(@TempDir Path dir) {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            b ->
                b.clock(clock)
                    .retention(RETENTION)
                    .retentionSweepInterval(SWEEP_INTERVAL)
                    .registerSearchAttribute("CustomerId", SearchAttributeType.KEYWORD),
            e -> e.newWorker("jobs").registerWorkflow(Job.class, JobImpl::new))) {
      WorkflowHandle<Object> completed = start(f, "completed", "fine");
      completed.getResult();
      WorkflowHandle<Object> failed = start(f, "failed", "fail");
      assertThatThrownBy(failed::getResult).isInstanceOf(WorkflowFailedException.class);
      WorkflowHandle<Object> terminated = start(f, "terminated", "wait");
      terminated.terminate("no longer needed");
      WorkflowHandle<Object> running = start(f, "running", "wait");
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> f.store().findWorkflowTask(running.runId()).isEmpty());
      List<EventRecord> runningHistory = f.store().readHistory(running.runId(), 1);
      List<WorkflowHandle<Object>> expired = List.of(completed, failed, terminated);
      for (WorkflowHandle<Object> h : expired) {
        assertThat(f.store().readHistory(h.runId(), 1)).isNotEmpty();
        assertThat(f.store().findSearchAttributes(h.runId())).containsKey("CustomerId");
      }

      clock.advance(Duration.ofMillis(900));
      WorkflowHandle<Object> recent = start(f, "recent", "fine");
      recent.getResult();
      clock.advance(Duration.ofMillis(600));

      // the pass that deletes the runs closed at T ran at T+1.5s: its cutoff is T+0.5s, and the
      // clock stands still, so no pass can delete the run closed at T+0.9s
      awaitDeleted(f, expired);
      for (WorkflowHandle<Object> h : expired) {
        assertThatThrownBy(h::describe).isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> f.client().getHandle(h.workflowId()).describe())
            .isInstanceOf(WorkflowNotFoundException.class);
        assertThat(f.store().readHistory(h.runId(), 1)).isEmpty();
        assertThat(f.store().findSearchAttributes(h.runId())).isEmpty();
        assertThat(f.store().findMemo(h.runId())).isEmpty();
      }
      assertThat(listedWorkflowIds(f)).containsExactlyInAnyOrder("running", "recent");
      assertThat(recent.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(running.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(f.store().readHistory(running.runId(), 1))
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(runningHistory);
      assertThat(f.stats().runs()).isEqualTo(2);
      assertThat(f.stats().historyEvents())
          .isEqualTo(runningHistory.size() + f.store().readHistory(recent.runId(), 1).size());

      clock.advance(Duration.ofSeconds(1));

      awaitDeleted(f, List.of(recent));
      assertThat(listedWorkflowIds(f)).containsExactly("running");
      assertThat(f.stats().historyEvents()).isEqualTo(runningHistory.size());
      running.signal("finish");
      assertThat(running.getResult()).isEqualTo("done wait");
      WorkflowHandle<Object> again =
          f.client()
              .start(
                  "Job",
                  options("completed")
                      .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                      .build(),
                  "fine");
      assertThat(again.getResult()).isEqualTo("done fine");
    }
  }

  @Test
  void aLargeBacklogIsDeletedInBatchesWhileAWorkflowMakesProgress(@TempDir Path dir) {
    AtomicReference<Store> store = new AtomicReference<>();
    List<Long> runsSeenBySteps = new CopyOnWriteArrayList<>();
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            b -> b.retention(RETENTION).retentionSweepInterval(SWEEP_INTERVAL),
            e -> {
              store.set(e.store());
              e.newWorker("jobs")
                  .registerWorkflow(Progress.class, ProgressImpl::new)
                  .registerActivities((Steps) () -> stepSeeing(store::get, runsSeenBySteps));
            })) {
      Progress stub = f.client().newWorkflowStub(Progress.class, options("progress").build());
      WorkflowHandle<Integer> progress = f.client().start(stub::run);
      Awaitility.await().atMost(WAIT).until(() -> !runsSeenBySteps.isEmpty());
      int backlog = 1_000;

      f.store().commit(closedRuns(backlog, Instant.now().minus(Duration.ofHours(1)))).join();

      assertThat(progress.getResult(Duration.ofSeconds(60))).isPositive();
      assertThat(runsSeenBySteps)
          .as("runs the steps saw: every transaction deletes whole batches of 200")
          .allMatch(runs -> (runs - 1) % 200 == 0)
          .as("runs the steps saw: some step ran while the backlog was half deleted")
          .anyMatch(runs -> runs > 1 && runs < backlog + 1);
      assertThat(f.stats().runs()).isEqualTo(1);
      assertThat(f.stats().historyEvents())
          .isEqualTo(f.store().readHistory(progress.runId(), 1).size());
    }
  }

  @Test
  void retentionAndSweepIntervalMustBePositive(@TempDir Path dir) {
    try (Store store = SqliteStore.open(dir.resolve("weft.db"))) {
      assertThatThrownBy(() -> WeftEngine.builder().store(store).retention(Duration.ZERO).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("retention must be a positive duration");
      assertThatThrownBy(
              () ->
                  WeftEngine.builder()
                      .store(store)
                      .retentionSweepInterval(Duration.ofSeconds(-1))
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("retentionSweepInterval must be a positive duration");
    }
  }

  /** Records the number of runs; the backlog is gone once there was more than one, and is one. */
  private static boolean stepSeeing(Supplier<Store> store, List<Long> seen) {
    long runs = store.get().stats().runs();
    seen.add(runs);
    return runs == 1 && seen.stream().anyMatch(r -> r > 1);
  }

  /** Returns a batch of closed runs, each with four history events and a memo. */
  private static Batch closedRuns(int count, Instant closeTime) {
    Batch.Builder batch = Batch.builder();
    Instant time = closeTime.truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < count; i++) {
      String runId = "backlog-" + i;
      batch.add(
          new Write.InsertRun(
              RunRecord.started("default", runId, runId, "Old", "old", time.minusSeconds(60)),
              Set.of()));
      List<EventRecord> events = new ArrayList<>();
      for (int e = 1; e <= 4; e++) {
        events.add(
            new EventRecord(e, "Event", time, ("event " + e).getBytes(StandardCharsets.UTF_8)));
      }
      batch.add(new Write.AppendEvents(runId, 1, events));
      batch.add(new Write.SetMemo(runId, "memo".getBytes(StandardCharsets.UTF_8)));
      batch.add(new Write.CloseRun(runId, WorkflowStatus.COMPLETED, time.plusMillis(i)));
    }
    return batch.build();
  }

  private static WorkflowOptions.Builder options(String workflowId) {
    return WorkflowOptions.newBuilder().taskQueue("jobs").workflowId(workflowId);
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String workflowId, String outcome) {
    return f.client()
        .start(
            "Job",
            options(workflowId).searchAttribute("CustomerId", "cust-" + workflowId).build(),
            outcome);
  }

  private static void awaitDeleted(EngineFixture f, List<WorkflowHandle<Object>> handles) {
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> handles.stream().allMatch(h -> f.store().findRun(h.runId()).isEmpty()));
  }

  private static List<String> listedWorkflowIds(EngineFixture f) {
    return f.client().listWorkflows(WorkflowFilter.all()).workflows().stream()
        .map(WorkflowSummary::workflowId)
        .toList();
  }

  /**
   * A clock that stands still until the test moves it, so each retention pass has a known cutoff.
   */
  static final class ManualClock implements WeftClock {
    private final AtomicReference<Instant> now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    ManualClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
      return now.get();
    }

    void advance(Duration duration) {
      now.updateAndGet(t -> t.plus(duration));
      listeners.forEach(Runnable::run);
    }

    @Override
    public void addAdvanceListener(Runnable listener) {
      listeners.add(listener);
    }
  }
}
