package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.CommitResult;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.DueAt;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins pauses of runs. A paused run ({@link Write.PauseRun}) has none of its workflow or activity
 * tasks handed out and its due timers held ({@code dueTimers} skips them, {@code nextDueTime}
 * ignores them) until {@link Write.ResumeRun}, which also wakes the workers; work leased before the
 * pause still finishes; {@link Store#findRunPause} returns the first pause; pausing a closed or
 * unknown run and resuming an unknown one conflict; {@link Write.IfNotPaused} conflicts while the
 * run is paused (and its batch writes nothing); closing a run removes its pause; listings carry
 * each listed run's pause ({@link RunPage#pauses()}) and filter on the {@code Paused} field.
 */
public abstract class RunPauseContract extends PauseFixture {

  @Test
  void aPausedRunsTasksAreNotHandedOutUntilItIsResumed() {
    startRunWithTasks("paused", QUEUE);
    startRunWithTasks("other", QUEUE);

    commitOk(new Write.PauseRun("paused", FIRST));

    assertThat(claimWorkflows(QUEUE, T0))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("other");
    assertThat(claimActivities(QUEUE, T0))
        .extracting(s -> s.task().runId())
        .containsExactly("other");
    assertThat(claimWorkflows(QUEUE, T0.plusSeconds(1))).isEmpty();
    assertThat(claimActivities(QUEUE, T0.plusSeconds(1))).isEmpty();

    commitOk(new Write.ResumeRun("paused"));

    assertThat(claimWorkflows(QUEUE, T0.plusSeconds(1)))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("paused");
    assertThat(claimActivities(QUEUE, T0.plusSeconds(1)))
        .extracting(s -> s.task().runId())
        .containsExactly("paused");
  }

  @Test
  void tasksAddedWhileARunIsPausedAreHeldToo() {
    startRun("r1");
    commitOk(new Write.PauseRun("r1", FIRST));

    commitOk(
        new Write.EnsureWorkflowTask("r1", QUEUE, T0),
        activity("r1", 1).insert(),
        activity("r1", 2).taskQueue("elsewhere").insert());

    assertThat(claimWorkflows(QUEUE, T0)).isEmpty();
    assertThat(claimActivities(QUEUE, T0)).isEmpty();
    assertThat(claimActivities("elsewhere", T0)).isEmpty();
    commitOk(new Write.ResumeRun("r1"));
    assertThat(claimWorkflows(QUEUE, T0)).hasSize(1);
    assertThat(claimActivities(QUEUE, T0)).hasSize(1);
    assertThat(claimActivities("elsewhere", T0)).hasSize(1);
  }

  @Test
  void workLeasedBeforeThePauseFinishesAndIsRecorded() {
    startRunWithTasks("r1", QUEUE);
    WorkflowTaskRecord workflowTask = claimWorkflows(QUEUE, T0).getFirst();
    ActivityTaskState attempt = claimActivities(QUEUE, T0).getFirst();

    commitOk(new Write.PauseRun("r1", FIRST));

    commitOk(new Write.CompleteActivityTask("r1", 1, attempt.leaseToken()));
    commitOk(new Write.InsertInbox("r1", "ActivityCompleted", T0, bytes("result")));
    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, workflowTask.leaseToken(), 0, T0));
    assertThat(store.findActivityTasks("r1")).isEmpty();
    assertThat(store.readInbox("r1")).hasSize(1);
    // the rearmed workflow task (the inbox has news) waits for the resume
    assertThat(store.findWorkflowTask("r1")).isPresent();
    assertThat(claimWorkflows(QUEUE, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void aPausedRunsTimersAreHeldAndNextDueTimeIgnoresThem() {
    startRun("paused");
    startRun("other");
    TimerRecord held = timer("paused", 1, T0.plusSeconds(5));
    TimerRecord running = timer("other", 1, T0.plusSeconds(10));
    commitOk(new Write.InsertTimer(held), new Write.InsertTimer(running));

    commitOk(new Write.PauseRun("paused", FIRST));

    assertThat(store.dueTimers(T0.plusSeconds(20), 10)).containsExactly(running);
    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(10));
    commitOk(new Write.DeleteTimer("other", 1, true));
    assertThat(store.dueTimers(T0.plusSeconds(20), 10)).isEmpty();
    assertThat(store.nextDueTime(T0)).isEmpty();

    commitOk(new Write.ResumeRun("paused"));

    assertThat(store.dueTimers(T0.plusSeconds(20), 10)).containsExactly(held);
    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(5));
  }

  @Test
  void findRunPauseReturnsTheFirstPauseUntilTheRunIsResumed() {
    startRun("r1");
    assertThat(store.findRunPause("r1")).isEmpty();

    commitOk(new Write.PauseRun("r1", FIRST));
    commitOk(new Write.PauseRun("r1", SECOND));

    assertThat(store.findRunPause("r1")).contains(FIRST);
    commitOk(new Write.ResumeRun("r1"));
    assertThat(store.findRunPause("r1")).isEmpty();
    // resuming a run that is not paused does nothing
    commitOk(new Write.ResumeRun("r1"));
    assertThat(store.findRunPause("missing")).isEmpty();
  }

  @Test
  void pausingAClosedOrUnknownRunConflictsAndTheBatchWritesNothing() {
    startRun("r1");
    startRun("closed");
    commitOk(new Write.CloseRun("closed", WorkflowStatus.COMPLETED, T0.plusSeconds(1)));
    Write.PauseRun unknown = new Write.PauseRun("missing", FIRST);
    Write.PauseRun closed = new Write.PauseRun("closed", FIRST);

    CommitResult.Conflict first =
        commitConflict(new Write.InsertInbox("r1", "Signal", T0, bytes("s")), unknown);
    CommitResult.Conflict second = commitConflict(closed);

    assertThat(first.write()).isEqualTo(unknown);
    assertThat(second.write()).isEqualTo(closed);
    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findRunPause("missing")).isEmpty();
    assertThat(store.findRunPause("closed")).isEmpty();
  }

  @Test
  void resumingAnUnknownRunConflicts() {
    Write.ResumeRun resume = new Write.ResumeRun("missing");

    assertThat(commitConflict(resume).write()).isEqualTo(resume);
  }

  @Test
  void ifNotPausedConflictsWhileTheRunIsPausedAndItsBatchWritesNothing() {
    startRun("r1");
    commitOk(new Write.IfNotPaused("r1"), new Write.InsertInbox("r1", "Signal", T0, bytes("one")));
    commitOk(new Write.PauseRun("r1", FIRST));

    Write.IfNotPaused guard = new Write.IfNotPaused("r1");
    CommitResult.Conflict conflict =
        commitConflict(new Write.InsertInbox("r1", "Signal", T0, bytes("two")), guard);

    assertThat(conflict.write()).isEqualTo(guard);
    assertThat(store.readInbox("r1")).extracting(i -> new String(i.data())).containsExactly("one");
    commitOk(new Write.ResumeRun("r1"));
    commitOk(
        new Write.IfNotPaused("r1"), new Write.InsertInbox("r1", "Signal", T0, bytes("three")));
    assertThat(store.readInbox("r1")).hasSize(2);
  }

  @Test
  void listingsShowEachRunsPauseAndFilterOnPaused() {
    // c is paused, then closed: closing removes its pause
    startRun("a");
    startRun("b");
    startRun("c");
    commitOk(new Write.PauseRun("a", FIRST), new Write.PauseRun("c", SECOND));
    commitOk(new Write.CloseRun("c", WorkflowStatus.TERMINATED, T0.plusSeconds(1)));

    RunPage all = store.listRuns(new RunQuery(TestData.NAMESPACE, 10));
    RunPage paused =
        store.listRuns(
            new RunQuery(TestData.NAMESPACE, 10)
                .withFilter(RunFilterParser.parse("Paused = true", Map.of())));
    RunPage notPaused =
        store.listRuns(
            new RunQuery(TestData.NAMESPACE, 10)
                .withFilter(RunFilterParser.parse("paused = false ORDER BY RunId", Map.of())));

    assertThat(all.runs()).extracting(RunRecord::runId).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(all.pauses()).containsOnlyKeys("a");
    assertThat(all.pauseOf("a")).contains(FIRST);
    assertThat(all.pauseOf("b")).isEmpty();
    assertThat(paused.runs()).extracting(RunRecord::runId).containsExactly("a");
    assertThat(paused.pauseOf("a")).contains(FIRST);
    assertThat(notPaused.runs()).extracting(RunRecord::runId).containsExactly("b", "c");
    assertThat(notPaused.pauses()).isEmpty();
    assertThat(
            store.countRuns(
                new RunQuery(TestData.NAMESPACE, 10)
                    .withFilter(RunFilterParser.parse("Paused = true", Map.of()))))
        .isEqualTo(1);
  }

  @Test
  void ifNotPausedBeforeAnAppendKeepsThePausedRunsHistoryUnchanged() {
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, TestData.events(1, 2)));
    commitOk(new Write.PauseRun("r1", FIRST));

    Write.IfNotPaused guard = new Write.IfNotPaused("r1");
    CommitResult.Conflict conflict =
        commitConflict(guard, new Write.AppendEvents("r1", 3, TestData.events(3, 40)));

    assertThat(conflict.write()).isEqualTo(guard);
    assertThat(store.readHistory("r1", 1)).hasSize(2);
    commitOk(new Write.ResumeRun("r1"));
    commitOk(new Write.IfNotPaused("r1"), new Write.AppendEvents("r1", 3, TestData.events(3, 40)));
    assertThat(store.readHistory("r1", 1)).hasSize(42);
    // a stale cursor behind the guard is still the append's conflict
    Write.AppendEvents stale = new Write.AppendEvents("r1", 3, TestData.events(3, 1));
    assertThat(commitConflict(new Write.IfNotPaused("r1"), stale).write()).isEqualTo(stale);
  }

  @Test
  void closingARunRemovesItsPause() {
    startRun("r1");
    commitOk(new Write.PauseRun("r1", FIRST));

    commitOk(new Write.CloseRun("r1", WorkflowStatus.TERMINATED, T0.plusSeconds(1)));

    assertThat(store.findRunPause("r1")).isEmpty();
  }

  @Test
  void resumingARunWakesTheWorkersOfItsTasksAndTheTimerLoop() {
    RecordingListener listener = new RecordingListener();
    store.addListener(listener);
    startRun("r1");
    commitOk(new Write.PauseRun("r1", FIRST));
    commitOk(
        new Write.EnsureWorkflowTask("r1", QUEUE, T0),
        activity("r1", 1).taskQueue("payments").insert(),
        new Write.InsertTimer(timer("r1", 2, T0.plusSeconds(5))));
    listener.awaitReceived(new TasksReady(TaskKind.WORKFLOW, QUEUE, T0));
    listener.awaitReceived(new TasksReady(TaskKind.ACTIVITY, "payments", T0));
    listener.awaitReceived(new DueAt(T0.plusSeconds(5)));
    listener.clear();

    commitOk(new Write.ResumeRun("r1"));

    listener.awaitReceived(
        "workflow tasks of " + QUEUE + " ready by T0",
        n ->
            n instanceof TasksReady t
                && t.kind() == TaskKind.WORKFLOW
                && t.taskQueue().equals(QUEUE)
                && !t.visibleAt().isAfter(T0));
    listener.awaitReceived(
        "activity tasks of payments ready by T0",
        n ->
            n instanceof TasksReady t
                && t.kind() == TaskKind.ACTIVITY
                && t.taskQueue().equals("payments")
                && !t.visibleAt().isAfter(T0));
    listener.awaitReceived(
        "something due by the held timer",
        n -> n instanceof DueAt d && !d.time().isAfter(T0.plusSeconds(5)));
  }
}
