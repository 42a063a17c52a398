package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.TaskKind;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.DueAt;
import dev.weft.store.tck.RecordingListener.Notification;
import dev.weft.store.tck.RecordingListener.RunClosed;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link dev.weft.store.StoreListener}s hear: {@code tasksReady(kind, queue, visibleAt)}
 * for new, re-armed, failed and retried tasks, {@code dueAt} for timers and activity lease ends,
 * {@code runClosed} once the close is committed, every registered listener, and nothing at all for
 * a batch that was rolled back.
 *
 * <p>Notifications are hints a store may merge or repeat, so the tests check that the expected ones
 * arrive, not that nothing else does; except for a rolled-back batch, whose absence is checked
 * after a later batch's notification arrived (notifications of a store arrive in commit order).
 */
public abstract class NotificationContract extends StoreContract {
  private final RecordingListener listener = new RecordingListener();

  /** Registers the recording listener on the fresh store. */
  @BeforeEach
  protected void listen() {
    store.addListener(listener);
  }

  @Test
  void newWorkflowTaskIsAnnounced() {
    startRun("r1");

    commitOk(new Write.EnsureWorkflowTask("r1", "orders", T0.plusSeconds(5)));

    listener.awaitReceived(new TasksReady(TaskKind.WORKFLOW, "orders", T0.plusSeconds(5)));
  }

  @Test
  void newActivityTaskIsAnnounced() {
    startRun("r1");

    commitOk(activity("r1", 1).taskQueue("payments").visibleAt(T0.plusSeconds(3)).insert());

    listener.awaitReceived(new TasksReady(TaskKind.ACTIVITY, "payments", T0.plusSeconds(3)));
  }

  @Test
  void retriedActivityIsAnnouncedAtItsNewVisibility() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    store.claimActivityTasks(claim("w1", 7, 1, T0, Duration.ofMinutes(1)));
    Instant retryAt = T0.plusSeconds(90);

    commitOk(new Write.RetryActivityTask("r1", 1, QUEUE, 7, retryAt, bytes("failed")));

    listener.awaitReceived(new TasksReady(TaskKind.ACTIVITY, QUEUE, retryAt));
  }

  @Test
  void failedWorkflowTaskIsAnnouncedAtItsRetryTime() {
    givenLeasedWorkflowTask("r1", 7);
    Instant retryAt = T0.plusSeconds(45);

    commitOk(new Write.FailWorkflowTask("r1", QUEUE, 7, "boom", retryAt));

    listener.awaitReceived(new TasksReady(TaskKind.WORKFLOW, QUEUE, retryAt));
  }

  @Test
  void reArmedWorkflowTaskIsAnnounced() {
    givenLeasedWorkflowTask("r1", 7);
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("arrived meanwhile")));
    Instant now = T0.plusSeconds(2);

    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, 7, 0, now));

    listener.awaitReceived(new TasksReady(TaskKind.WORKFLOW, QUEUE, now));
  }

  @Test
  void newTimerIsAnnouncedAtItsFireTime() {
    startRun("r1");

    commitOk(new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(600))));

    listener.awaitReceived(new DueAt(T0.plusSeconds(600)));
  }

  @Test
  void activityLeaseEndIsAnnounced() {
    startRun("r1");
    commitOk(activity("r1", 1).heartbeatTimeout(Duration.ofSeconds(20)).insert());

    store.claimActivityTasks(claim("w1", 7, 1, T0, Duration.ofMinutes(1)));

    listener.awaitReceived(new DueAt(T0.plusSeconds(20)));
  }

  @Test
  void closedRunIsAnnouncedOnceTheCloseIsCommitted() {
    startRun("r1");

    CompletableFuture<CommitResult> closing =
        store.commit(Batch.of(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0)));
    listener.awaitReceived(new RunClosed("r1"));

    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.COMPLETED);
    assertThat(await(closing).committed()).isTrue();
  }

  @Test
  void everyListenerIsNotified() {
    RecordingListener second = new RecordingListener();
    store.addListener(second);
    startRun("r1");

    commitOk(new Write.CloseRun("r1", WorkflowStatus.FAILED, T0));

    listener.awaitReceived(new RunClosed("r1"));
    second.awaitReceived(new RunClosed("r1"));
  }

  @Test
  void rolledBackBatchAnnouncesNothing() {
    startRun("r1");
    startRun("marker");

    commitConflict(
        new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0),
        new Write.EnsureWorkflowTask("r1", "rolled-back", T0.plusSeconds(1)),
        activity("r1", 1).taskQueue("rolled-back").insert(),
        new Write.InsertTimer(timer("r1", 2, T0.plusSeconds(777))),
        new Write.DeleteTimer("r1", 99, true));
    commitOk(new Write.CloseRun("marker", WorkflowStatus.COMPLETED, T0));
    listener.awaitReceived(new RunClosed("marker"));

    assertThat(listener.received())
        .doesNotContain(new RunClosed("r1"), new DueAt(T0.plusSeconds(777)))
        .noneMatch(NotificationContract::onRolledBackQueue);
  }

  private static boolean onRolledBackQueue(Notification n) {
    return n instanceof TasksReady t && t.taskQueue().equals("rolled-back");
  }

  private void givenLeasedWorkflowTask(String runId, long token) {
    commitOk(run(runId).insert(), new Write.EnsureWorkflowTask(runId, QUEUE, T0));
    assertThat(store.claimWorkflowTasks(claim("w1", token, 1, T0, Duration.ofSeconds(30))))
        .hasSize(1);
  }
}
