package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkflowTaskWrites} on a real SQLite file. */
class WorkflowTaskWritesTest {
  @TempDir Path dir;
  WriteFixture db;
  WorkflowTaskWrites tasks;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    tasks = new WorkflowTaskWrites(db.dialect);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anEnsuredTaskTakesItsRunsSchedulingAndWakesItsQueue() throws Exception {
    db.run("r1", "RUNNING");
    db.execute("UPDATE runs SET priority = 1, fairness_key = 'tenant-a' WHERE run_id = 'r1'");

    tasks.ensureWorkflowTask(new Write.EnsureWorkflowTask("r1", "main", T0), db.batch());

    assertThat(
            db.rows(
                "SELECT task_queue, visible_at, attempt, lease_owner, priority, fairness_key"
                    + " FROM workflow_tasks WHERE run_id = 'r1'"))
        .containsExactly(row("main", T0.toEpochMilli(), 1, null, 1, "tenant-a"));
    assertThat(db.notified()).containsExactly(new TasksReady(TaskKind.WORKFLOW, "main", T0));
  }

  @Test
  void aRunInsertedByTheSameBatchGivesItsSchedulingOnce() throws Exception {
    db.run("r1", "RUNNING");
    BatchContext batch = db.batch();
    batch.runInserted("r1", new TaskScheduling(2, "vip", 1));

    tasks.ensureWorkflowTask(new Write.EnsureWorkflowTask("r1", "main", T0), batch);

    assertThat(db.rows("SELECT priority, fairness_key FROM workflow_tasks"))
        .containsExactly(row(2, "vip"));
    assertThat(batch.insertedRun("r1")).isFalse();
  }

  @Test
  void anExistingTaskStaysAsItIsAndWakesNobody() throws Exception {
    db.run("r1", "RUNNING");
    tasks.ensureWorkflowTask(new Write.EnsureWorkflowTask("r1", "main", T0), db.batch());

    tasks.ensureWorkflowTask(
        new Write.EnsureWorkflowTask("r1", "main", T0.plusSeconds(30)), db.batch());

    assertThat(db.rows("SELECT visible_at FROM workflow_tasks"))
        .containsExactly(row(T0.toEpochMilli()));
    assertThat(db.notified()).isEmpty();
  }

  @Test
  void aTaskEnsuredWithALeaseIsHeldUntilItsEnd() throws Exception {
    db.run("r1", "RUNNING");
    TaskLease lease = new TaskLease("node-a", 42, T0, T0.plusSeconds(10));

    tasks.ensureWorkflowTask(new Write.EnsureWorkflowTask("r1", "main", T0, lease), db.batch());

    assertThat(db.rows("SELECT visible_at, lease_owner, lease_token FROM workflow_tasks"))
        .containsExactly(row(T0.plusSeconds(10).toEpochMilli(), "node-a", 42));
    assertThat(db.notified())
        .containsExactly(new TasksReady(TaskKind.WORKFLOW, "main", T0.plusSeconds(10)));
  }

  @Test
  void completingTheTaskDeletesItUnlessTheInboxGotNewerEvents() throws Exception {
    db.run("r1", "RUNNING");
    db.run("r2", "RUNNING");
    givenLeasedTask("r1", 7);
    givenLeasedTask("r2", 8);
    db.execute(
        "INSERT INTO inbox (run_id, event_type, event_time, data) VALUES ('r2', 'S', 0, x'00')");
    long consumed = db.number("SELECT MAX(inbox_id) FROM inbox") - 1;

    tasks.completeWorkflowTask(
        new Write.CompleteWorkflowTask("r1", "main", 7, Long.MAX_VALUE, T0), db.batch());
    assertThat(db.count("workflow_tasks", "r1")).isZero();
    assertThat(db.notified()).isEmpty();

    tasks.completeWorkflowTask(
        new Write.CompleteWorkflowTask("r2", "main", 8, consumed, T0.plusSeconds(1)), db.batch());
    assertThat(db.rows("SELECT lease_owner, lease_token, visible_at FROM workflow_tasks"))
        .as("re-armed for the events it did not see")
        .containsExactly(row(null, 0, T0.plusSeconds(1).toEpochMilli()));
    assertThat(db.notified())
        .containsExactly(new TasksReady(TaskKind.WORKFLOW, "main", T0.plusSeconds(1)));
  }

  @Test
  void completingOrFailingWithALostLeaseConflicts() throws Exception {
    db.run("r1", "RUNNING");
    givenLeasedTask("r1", 7);
    Write.CompleteWorkflowTask complete =
        new Write.CompleteWorkflowTask("r1", "main", 6, Long.MAX_VALUE, T0);
    Write.FailWorkflowTask fail = new Write.FailWorkflowTask("r1", "main", 6, "boom", T0);

    assertThatThrownBy(() -> tasks.completeWorkflowTask(complete, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(complete))
        .hasMessage("workflow task of run r1 is no longer leased by this worker");
    assertThatThrownBy(() -> tasks.failWorkflowTask(fail, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(fail))
        .hasMessage("workflow task of run r1 is no longer leased by this worker");
    assertThat(db.count("workflow_tasks", "r1")).isEqualTo(1);
  }

  @Test
  void failingTheTaskReleasesItForItsNextAttemptWithTheFailure() throws Exception {
    db.run("r1", "RUNNING");
    givenLeasedTask("r1", 7);

    tasks.failWorkflowTask(
        new Write.FailWorkflowTask("r1", "main", 7, "boom", T0.plusSeconds(2)), db.batch());

    assertThat(
            db.rows(
                "SELECT lease_owner, lease_token, visible_at, attempt, last_failure"
                    + " FROM workflow_tasks"))
        .containsExactly(row(null, 0, T0.plusSeconds(2).toEpochMilli(), 2, "boom"));
    assertThat(db.notified())
        .containsExactly(new TasksReady(TaskKind.WORKFLOW, "main", T0.plusSeconds(2)));
  }

  private void givenLeasedTask(String runId, long token) throws Exception {
    db.execute(
        "INSERT INTO workflow_tasks (run_id, task_queue, visible_at, attempt, lease_owner,"
            + " lease_token) VALUES (?, 'main', 0, 1, 'node-a', ?)",
        runId,
        token);
  }
}
