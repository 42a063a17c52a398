package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.events;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.CommitResult;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Store;
import dev.weft.store.StoreStats;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins retention: {@code findRunsClosedBefore} returns the closed runs of a namespace closed before
 * a cutoff (exclusive), oldest close first, at most a limit, never a running run; {@link
 * Write.DeleteRun} removes every row of a closed run (run row and memo, history, inbox, tasks,
 * timers, search attributes; the rows of store extensions are pinned by their own contracts, update
 * outcomes by {@link UpdateOutcomeContract}) and nothing of any other run, conflicts for a running
 * run (rolling the whole batch back), is a no-op for a missing run, and frees the run's workflow
 * ID.
 */
public abstract class RetentionContract extends StoreContract {

  @Test
  void findsClosedRunsClosedBeforeTheCutoffOldestCloseFirst() {
    closedRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(30));
    closedRun("r2", WorkflowStatus.FAILED, T0.plusSeconds(10));
    closedRun("r3", WorkflowStatus.TERMINATED, T0.plusSeconds(20));
    closedRun("r4", WorkflowStatus.CANCELED, T0.plusSeconds(40));
    closedRun("r5", WorkflowStatus.COMPLETED, T0.plusSeconds(50));

    List<String> found = store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(40), 100);

    assertThat(found).as("r4 closed at the cutoff, r5 after").containsExactly("r2", "r3", "r1");
  }

  @Test
  void findReturnsRunsOfEveryClosedStatus() {
    for (WorkflowStatus status : EnumSet.complementOf(EnumSet.of(WorkflowStatus.RUNNING))) {
      closedRun("r-" + status, status, T0.plusSeconds(status.ordinal()));
    }

    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(3600), 100))
        .hasSize(WorkflowStatus.values().length - 1);
  }

  @Test
  void runsClosedAtTheSameTimeComeInRunIdOrder() {
    closedRun("r2", WorkflowStatus.COMPLETED, T0.plusSeconds(10));
    closedRun("r3", WorkflowStatus.COMPLETED, T0.plusSeconds(10));
    closedRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(10));

    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(60), 100))
        .containsExactly("r1", "r2", "r3");
  }

  @Test
  void findReturnsAtMostTheLimitOldestFirst() {
    for (int i = 1; i <= 5; i++) {
      closedRun("r" + i, WorkflowStatus.COMPLETED, T0.plusSeconds(60 - i));
    }

    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(60), 2))
        .containsExactly("r5", "r4");
    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(60), 1)).containsExactly("r5");
  }

  @Test
  void findRefusesALimitOutOfRange() {
    assertThatThrownBy(() -> store.findRunsClosedBefore(NAMESPACE, T0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(
            () -> store.findRunsClosedBefore(NAMESPACE, T0, Store.MAX_CLOSED_RUNS_PER_CALL + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThat(store.findRunsClosedBefore(NAMESPACE, T0, Store.MAX_CLOSED_RUNS_PER_CALL)).isEmpty();
  }

  @Test
  void findIsScopedToTheNamespace() {
    commitOk(run("a1").namespace("a").insert());
    commitOk(run("b1").namespace("b").insert());
    commitOk(
        new Write.CloseRun("a1", WorkflowStatus.COMPLETED, T0.plusSeconds(1)),
        new Write.CloseRun("b1", WorkflowStatus.COMPLETED, T0.plusSeconds(1)));

    assertThat(store.findRunsClosedBefore("a", T0.plusSeconds(60), 100)).containsExactly("a1");
    assertThat(store.findRunsClosedBefore("b", T0.plusSeconds(60), 100)).containsExactly("b1");
    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(60), 100)).isEmpty();
  }

  @Test
  void runningRunsAreNeverFound() {
    commitOk(run("old").startTime(T0.minusSeconds(86_400)).insert());
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, events(1, 3)));

    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(86_400 * 365), 100)).isEmpty();
  }

  @Test
  void deleteRunRemovesEveryRowOfTheRunAndNothingElse() {
    givenEveryKindOfRow("r1", WorkflowStatus.COMPLETED);
    givenEveryKindOfRow("r2", WorkflowStatus.FAILED);
    givenEveryKindOfRow("r3", WorkflowStatus.RUNNING);
    StoreStats before = store.stats();
    Snapshot r2 = snapshot("r2");
    Snapshot r3 = snapshot("r3");

    commitOk(new Write.DeleteRun("r1"));

    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.findLatestRun(NAMESPACE, "wf-r1")).isEmpty();
    assertThat(store.readHistory("r1", 1)).isEmpty();
    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findWorkflowTask("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1")).isEmpty();
    assertThat(store.findTimers("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findMemo("r1")).isEmpty();
    assertThat(store.listRuns(new RunQuery(NAMESPACE, 50)).runs())
        .extracting(RunRecord::runId)
        .containsExactlyInAnyOrder("r2", "r3");
    assertThat(store.countRuns(new RunQuery(NAMESPACE, 50))).isEqualTo(2);
    assertThat(store.findRunsClosedBefore(NAMESPACE, T0.plusSeconds(3600), 100))
        .containsExactly("r2");
    assertThat(store.stats())
        .isEqualTo(
            new StoreStats(
                before.runs() - 1,
                before.historyEvents() - 3,
                before.inboxEvents() - 2,
                before.workflowTasks() - 1,
                before.activityTasks() - 2,
                before.timers() - 2));
    assertThat(snapshot("r2")).usingRecursiveComparison().isEqualTo(r2);
    assertThat(snapshot("r3")).usingRecursiveComparison().isEqualTo(r3);
  }

  @Test
  void deleteRunOfARunWithOnlyItsRowSucceeds() {
    startRun("r1");
    commitOk(new Write.CloseRun("r1", WorkflowStatus.TERMINATED, T0.plusSeconds(1)));

    commitOk(new Write.DeleteRun("r1"));

    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0, 0, 0));
  }

  @Test
  void deletingARunningRunConflictsAndTheBatchRollsBack() {
    givenEveryKindOfRow("closed", WorkflowStatus.COMPLETED);
    givenEveryKindOfRow("running", WorkflowStatus.RUNNING);
    StoreStats before = store.stats();
    Write.DeleteRun deleteRunning = new Write.DeleteRun("running");

    CommitResult.Conflict conflict = commitConflict(new Write.DeleteRun("closed"), deleteRunning);

    assertThat(conflict.write()).isEqualTo(deleteRunning);
    assertThat(conflict.reason()).contains("running");
    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.findRun("closed")).isPresent();
    assertThat(store.readHistory("closed", 1)).hasSize(3);
    assertThat(store.findSearchAttributes("closed")).isNotEmpty();
    assertThat(storedRun("running").status()).isEqualTo(WorkflowStatus.RUNNING);
  }

  @Test
  void deletingAMissingRunIsANoOp() {
    closedRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(1));
    closedRun("r2", WorkflowStatus.COMPLETED, T0.plusSeconds(1));
    commitOk(new Write.DeleteRun("r1"));

    commitOk(new Write.DeleteRun("r1"), new Write.DeleteRun("missing"), new Write.DeleteRun("r2"));

    assertThat(store.findRun("r2")).isEmpty();
    assertThat(store.stats().runs()).isZero();
  }

  @Test
  void aDeletedRunsWorkflowIdCanBeStartedAgain() {
    commitOk(run("r1").workflowId("order-1").insert());
    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(5)));
    Write.InsertRun again =
        run("r2")
            .workflowId("order-1")
            .startTime(T0.plusSeconds(10))
            .insert(EnumSet.allOf(WorkflowStatus.class));
    commitConflict(again);

    commitOk(new Write.DeleteRun("r1"));
    commitOk(again);

    assertThat(store.findLatestRun(NAMESPACE, "order-1"))
        .get()
        .extracting(RunRecord::runId)
        .isEqualTo("r2");
  }

  /** Inserts a run with three events and closes it at {@code closeTime}. */
  private void closedRun(String runId, WorkflowStatus status, Instant closeTime) {
    startRun(runId);
    commitOk(
        new Write.AppendEvents(runId, 1, events(1, 3)),
        new Write.CloseRun(runId, status, closeTime));
  }

  /**
   * Gives a run three history events, a workflow task, activities 1 and 2, timers 3 and 4, two
   * inbox events, two search attributes and a memo, then closes it unless {@code status} is
   * RUNNING. A closed run keeps its pending rows here (no {@link Write.DeleteRunTasks}), so that
   * deleting it must remove them too.
   */
  private void givenEveryKindOfRow(String runId, WorkflowStatus status) {
    startRun(runId);
    commitOk(
        new Write.AppendEvents(runId, 1, events(1, 3)),
        new Write.EnsureWorkflowTask(runId, QUEUE, T0),
        activity(runId, 1).insert(),
        activity(runId, 2).insert(),
        new Write.InsertTimer(timer(runId, 3, T0.plusSeconds(60))),
        new Write.InsertTimer(timer(runId, 4, T0.plusSeconds(120))),
        new Write.InsertInbox(runId, "SignalReceived", T0, bytes("a")),
        new Write.InsertInbox(runId, "SignalReceived", T0, bytes("b")),
        new Write.UpsertSearchAttributes(
            runId,
            Map.of(
                "CustomerId", SearchAttributeValue.ofKeyword("cust-" + runId),
                "Amount", SearchAttributeValue.ofInt(100))),
        new Write.SetMemo(runId, bytes("memo of " + runId)));
    if (status != WorkflowStatus.RUNNING) {
      commitOk(new Write.CloseRun(runId, status, T0.plusSeconds(30)));
    }
  }

  private Snapshot snapshot(String runId) {
    return new Snapshot(
        storedRun(runId),
        store.readHistory(runId, 1),
        store.readInbox(runId),
        store.findWorkflowTask(runId).orElseThrow(),
        store.findActivityTasks(runId),
        store.findTimers(runId),
        store.findSearchAttributes(runId),
        store.findMemo(runId).orElseThrow());
  }

  /** Everything the store returns about a run. */
  private record Snapshot(
      RunRecord run,
      List<?> history,
      List<?> inbox,
      Object workflowTask,
      List<?> activityTasks,
      List<?> timers,
      Map<String, SearchAttributeValue> searchAttributes,
      byte[] memo) {}
}
