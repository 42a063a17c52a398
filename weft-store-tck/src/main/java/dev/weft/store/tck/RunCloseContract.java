package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.events;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.StoreStats;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins how runs end: {@link Write.CloseRun} only from {@link WorkflowStatus#RUNNING} (a second
 * close conflicts and changes nothing) and only when the inbox holds nothing the closing task did
 * not see, and {@link Write.DeleteRunTasks} removing the pending workflow task, activity tasks,
 * timers and inbox of that run only, while its run row and history stay.
 */
public abstract class RunCloseContract extends StoreContract {

  @ParameterizedTest
  @EnumSource(value = WorkflowStatus.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
  void closeRunSetsTheStatusAndCloseTime(WorkflowStatus status) {
    startRun("r1");

    commitOk(new Write.CloseRun("r1", status, T0.plusSeconds(30)));

    RunRecord closed = storedRun("r1");
    assertThat(closed.status()).isEqualTo(status);
    assertThat(closed.closeTime()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void closingAClosedRunConflictsAndKeepsTheFirstClose() {
    startRun("r1");
    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(30)));
    Write.CloseRun second = new Write.CloseRun("r1", WorkflowStatus.TERMINATED, T0.plusSeconds(40));

    CommitResult.Conflict conflict = commitConflict(second);

    assertThat(conflict.write()).isEqualTo(second);
    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.COMPLETED);
    assertThat(storedRun("r1").closeTime()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void closingConflictsWhileTheInboxHoldsEventsTheClosingTaskDidNotSee() {
    startRun("r1");
    commitOk(new Write.InsertInbox("r1", "Seen", T0, bytes("a")));
    long seen = store.readInbox("r1").getFirst().inboxId();
    commitOk(new Write.InsertInbox("r1", "Late", T0, bytes("b")));

    commitConflict(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(5), seen));

    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.RUNNING);
    long newest = store.readInbox("r1").getLast().inboxId();
    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(6), newest));
    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.COMPLETED);
  }

  @Test
  void closingWithoutAnInboxBoundIgnoresTheInbox() {
    startRun("r1");
    commitOk(new Write.InsertInbox("r1", "Late", T0, bytes("b")));

    commitOk(new Write.CloseRun("r1", WorkflowStatus.TERMINATED, T0.plusSeconds(5)));

    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.TERMINATED);
  }

  @Test
  void closingAMissingRunConflicts() {
    commitConflict(new Write.CloseRun("missing", WorkflowStatus.COMPLETED, T0));

    assertThat(store.findRun("missing")).isEmpty();
  }

  @Test
  void closedRunKeepsItsHistory() {
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, events(1, 3)));

    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(30)));

    assertThat(store.readHistory("r1", 1)).hasSize(3);
    assertThat(storedRun("r1").nextEventId()).isEqualTo(4);
  }

  @Test
  void deleteRunTasksRemovesEverythingPendingOfThatRunOnly() {
    givenPendingWork("r1");
    givenPendingWork("r2");
    StoreStats before = store.stats();

    commitOk(
        new Write.CloseRun("r1", WorkflowStatus.TERMINATED, T0.plusSeconds(60)),
        new Write.DeleteRunTasks("r1"));

    assertThat(store.findWorkflowTask("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1")).isEmpty();
    assertThat(store.findTimers("r1")).isEmpty();
    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findWorkflowTask("r2")).isPresent();
    assertThat(store.findActivityTasks("r2"))
        .extracting(s -> s.task().seq())
        .containsExactly(1L, 2L);
    assertThat(store.findTimers("r2")).extracting(TimerRecord::seq).containsExactly(3L, 4L);
    assertThat(store.readInbox("r2")).hasSize(2);
    assertThat(store.stats())
        .isEqualTo(
            new StoreStats(
                before.runs(),
                before.historyEvents(),
                before.inboxEvents() - 2,
                before.workflowTasks() - 1,
                before.activityTasks() - 2,
                before.timers() - 2));
  }

  @Test
  void deleteRunTasksRemovesLeasedTasksToo() {
    givenPendingWork("r1");
    store.claimWorkflowTasks(TestData.claim("w1", 7, 10, T0, Duration.ofMinutes(1)));
    store.claimActivityTasks(TestData.claim("w1", 8, 10, T0, Duration.ofMinutes(1)));

    commitOk(new Write.DeleteRunTasks("r1"));

    assertThat(store.findWorkflowTask("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void deleteRunTasksOfARunWithNothingPendingSucceeds() {
    startRun("r1");

    commitOk(new Write.DeleteRunTasks("r1"));

    assertThat(store.findRun("r1")).isPresent();
  }

  /** Gives a run history, a workflow task, activities 1 and 2, timers 3 and 4, two inbox events. */
  private void givenPendingWork(String runId) {
    startRun(runId);
    commitOk(
        new Write.AppendEvents(runId, 1, events(1, 2)),
        new Write.EnsureWorkflowTask(runId, TestData.QUEUE, T0),
        activity(runId, 1).insert(),
        activity(runId, 2).insert(),
        new Write.InsertTimer(timer(runId, 3, T0.plusSeconds(60))),
        new Write.InsertTimer(timer(runId, 4, T0.plusSeconds(120))),
        new Write.InsertInbox(runId, "SignalReceived", T0, bytes("a")),
        new Write.InsertInbox(runId, "SignalReceived", T0, bytes("b")));
  }
}
