package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.DueAt;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ActivityTaskWrites} on a real SQLite file. */
class ActivityTaskWritesTest {
  @TempDir Path dir;
  WriteFixture db;
  ActivityTaskWrites activities;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    activities = new ActivityTaskWrites(db.dialect);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anInsertedTaskIsStoredWholeAndWakesItsQueueAndTheDeadlineLoop() throws Exception {
    Write.InsertActivityTask insert =
        activity("r1", 3)
            .taskQueue("payments")
            .scheduleToCloseDeadline(T0.plusSeconds(600))
            .startToCloseTimeout(Duration.ofSeconds(30))
            .scheduling(new TaskScheduling(2, "tenant-a", 1))
            .insert();

    activities.insertActivityTask(insert, db.batch());

    assertThat(
            db.rows(
                "SELECT seq, task_queue, activity_type, attempt, visible_at,"
                    + " schedule_to_close_deadline, start_to_close_ms, spec, lease_owner,"
                    + " priority, fairness_key FROM activity_tasks WHERE run_id = 'r1'"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(
            row(
                3,
                "payments",
                "ChargeCard",
                0,
                T0.toEpochMilli(),
                T0.plusSeconds(600).toEpochMilli(),
                30_000,
                bytes("spec-3"),
                null,
                2,
                "tenant-a"));
    assertThat(db.notified())
        .containsExactly(
            new TasksReady(TaskKind.ACTIVITY, "payments", T0), new DueAt(T0.plusSeconds(600)));
  }

  @Test
  void aTaskInsertedLeasedStartsItsFirstAttemptAndOnlyTheLeaseEndIsDue() throws Exception {
    TaskLease lease = new TaskLease("node-a", 9, T0, T0.plusSeconds(30));

    activities.insertActivityTask(
        new Write.InsertActivityTask(activity("r1", 1).build(), lease), db.batch());

    assertThat(
            db.rows(
                "SELECT attempt, lease_owner, lease_token, started_at, lease_until, pass"
                    + " FROM activity_tasks"))
        .containsExactly(
            row(1, "node-a", 9, T0.toEpochMilli(), T0.plusSeconds(30).toEpochMilli(), 0.0));
    assertThat(db.notified()).containsExactly(new DueAt(T0.plusSeconds(30)));
  }

  @Test
  void completingNeedsTheAttemptsLease() throws Exception {
    givenLeasedTask("r1", 1, 9);
    Write.CompleteActivityTask stale = new Write.CompleteActivityTask("r1", 1, 8);

    assertThatThrownBy(() -> ActivityTaskWrites.completeActivityTask(stale, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(stale))
        .hasMessage("activity 1 of run r1 is no longer held by this attempt");

    ActivityTaskWrites.completeActivityTask(new Write.CompleteActivityTask("r1", 1, 9), db.batch());
    assertThat(db.count("activity_tasks", "r1")).isZero();
  }

  @Test
  void aRetryReleasesTheTaskForLaterKeepingHeartbeatDetailsUnlessGiven() throws Exception {
    givenLeasedTask("r1", 1, 9);
    givenLeasedTask("r1", 2, 10);

    ActivityTaskWrites.retryActivityTask(
        new Write.RetryActivityTask("r1", 1, "main", 9, T0.plusSeconds(5), bytes("f1")),
        db.batch());
    ActivityTaskWrites.retryActivityTask(
        new Write.RetryActivityTask(
            "r1", 2, "main", 10, T0.plusSeconds(5), bytes("f2"), bytes("new")),
        db.batch());

    assertThat(
            db.rows(
                "SELECT seq, lease_owner, lease_token, visible_at, last_failure,"
                    + " heartbeat_details FROM activity_tasks ORDER BY seq"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(
            row(1, null, 0, T0.plusSeconds(5).toEpochMilli(), bytes("f1"), bytes("old")),
            row(2, null, 0, T0.plusSeconds(5).toEpochMilli(), bytes("f2"), bytes("new")));
    assertThat(db.notified())
        .containsExactly(new TasksReady(TaskKind.ACTIVITY, "main", T0.plusSeconds(5)));
  }

  @Test
  void aRetryWithALostLeaseConflicts() throws Exception {
    givenLeasedTask("r1", 1, 9);
    Write.RetryActivityTask stale = new Write.RetryActivityTask("r1", 1, "main", 8, T0, bytes("f"));

    assertThatThrownBy(() -> ActivityTaskWrites.retryActivityTask(stale, db.batch()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("activity 1 of run r1 is no longer held by this attempt");
  }

  private void givenLeasedTask(String runId, long seq, long token) throws Exception {
    db.execute(
        "INSERT INTO activity_tasks (run_id, seq, task_queue, activity_type, attempt, visible_at,"
            + " spec, heartbeat_details, lease_owner, lease_token, started_at, lease_until)"
            + " VALUES (?, ?, 'main', 'A', 1, 0, x'00', ?, 'node-a', ?, 0, 1000)",
        runId,
        seq,
        bytes("old"),
        token);
  }
}
