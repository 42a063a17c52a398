package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.tck.RecordingListener.RunClosed;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunWrites} on a real SQLite file. */
class RunWritesTest {
  /** Every table whose rows belong to one run. */
  private static final List<String> RUN_TABLES =
      List.of(
          "history",
          "inbox",
          "workflow_tasks",
          "activity_tasks",
          "timers",
          "run_affinity",
          "search_attributes",
          "update_outcomes",
          "runs");

  @TempDir Path dir;
  WriteFixture db;
  PausedRuns pausedRuns;
  RunWrites runs;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    pausedRuns = new PausedRuns(true);
    runs = new RunWrites(db.dialect, true, pausedRuns, List.of(new UpdateOutcomesExtension()));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anInsertedRunIsStoredWithItsSchedulingAndRememberedByTheBatch() throws Exception {
    BatchContext batch = db.batch();

    runs.insertRun(
        new Write.InsertRun(run("r1").build(), Set.of(), new TaskScheduling(1, "tenant-a", 2.5)),
        batch);

    assertThat(
            db.rows(
                "SELECT workflow_id, status, start_time, priority, fairness_key, fairness_weight"
                    + " FROM runs WHERE run_id = 'r1'"))
        .containsExactly(row("wf-r1", "RUNNING", T0.toEpochMilli(), 1, "tenant-a", 2.5));
    assertThat(batch.insertedRun("r1")).isTrue();
    assertThat(batch.takeInsertedRun("r1")).isEqualTo(new TaskScheduling(1, "tenant-a", 2.5));
  }

  @Test
  void anInsertOfAnExistingRunIdConflicts() throws Exception {
    db.run("r1", "RUNNING");
    Write.InsertRun again = run("r1").insert();

    assertThatThrownBy(() -> runs.insertRun(again, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(again))
        .hasMessage("run ID r1 exists");
  }

  @Test
  void anInsertConflictsWithARunOfTheSameWorkflowIdInAForbiddenStatus() throws Exception {
    db.run("r1", "COMPLETED");
    Write.InsertRun start =
        run("r2")
            .workflowId("wf-r1")
            .insert(Set.of(WorkflowStatus.RUNNING, WorkflowStatus.COMPLETED));

    assertThatThrownBy(() -> runs.insertRun(start, db.batch()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("workflow ID 'wf-r1' has run r1 in status COMPLETED");
    assertThat(db.count("runs", "r2")).isZero();

    runs.insertRun(
        run("r2").workflowId("wf-r1").insert(Set.of(WorkflowStatus.RUNNING)), db.batch());
    assertThat(db.count("runs", "r2")).isEqualTo(1);
  }

  @Test
  void closingARunSetsItsStatusDropsItsAffinityAndPauseAndTellsTheListeners() throws Exception {
    db.run("r1", "RUNNING");
    db.execute("INSERT INTO run_affinity (run_id, owner) VALUES ('r1', 'node-a')");
    db.execute(
        "INSERT INTO paused_runs (run_id, paused_at, reason, identity) VALUES ('r1', 0, 'x', 'y')");
    assertThat(pausedRuns.mayBePaused(db.statements)).isTrue();
    BatchContext batch = db.batch();

    runs.closeRun(new Write.CloseRun("r1", WorkflowStatus.FAILED, T0.plusSeconds(9)), batch);

    assertThat(db.rows("SELECT status, close_time FROM runs WHERE run_id = 'r1'"))
        .containsExactly(row("FAILED", T0.plusSeconds(9).toEpochMilli()));
    assertThat(db.count("run_affinity", "r1")).isZero();
    assertThat(db.count("paused_runs", "r1")).isZero();
    assertThat(db.notified()).containsExactly(new RunClosed("r1"));
    assertThat(pausedRuns.mayBePaused(db.statements)).as("looked again: none left").isFalse();
  }

  @Test
  void closingARunThatIsNotRunningConflicts() throws Exception {
    db.run("r1", "COMPLETED");
    Write.CloseRun close = new Write.CloseRun("r1", WorkflowStatus.FAILED, T0);

    assertThatThrownBy(() -> runs.closeRun(close, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(close))
        .hasMessage("run r1 is not running");
    assertThat(db.notified()).isEmpty();
  }

  @Test
  void closingARunWithInboxEventsItsTaskDidNotSeeConflicts() throws Exception {
    db.run("r1", "RUNNING");
    db.execute(
        "INSERT INTO inbox (run_id, event_type, event_time, data) VALUES ('r1', 'S', 0, x'00')");
    long seen = db.number("SELECT MAX(inbox_id) FROM inbox") - 1;

    assertThatThrownBy(
            () ->
                runs.closeRun(
                    new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0, seen), db.batch()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("run r1 received events its closing workflow task did not see");
  }

  @Test
  void deleteRunTasksClearsEachTableOncePerBatch() throws Exception {
    db.run("r1", "COMPLETED");
    givenRowsOfEveryKind("r1");
    BatchContext batch = db.batch();

    runs.deleteRunTasks("r1", batch);
    for (String table : List.of("workflow_tasks", "activity_tasks", "timers", "inbox")) {
      assertThat(db.count(table, "r1")).as(table).isZero();
    }
    assertThat(db.count("run_affinity", "r1")).isZero();
    assertThat(db.count("history", "r1")).isEqualTo(1);

    db.execute("INSERT INTO timers (run_id, seq, fire_at) VALUES ('r1', 5, 0)");
    runs.deleteRunTasks("r1", batch);
    assertThat(db.count("timers", "r1")).as("the same batch cleared them already").isEqualTo(1);

    runs.deleteRunTasks("r1", db.batch());
    assertThat(db.count("timers", "r1")).as("a new batch clears again").isZero();
  }

  @Test
  void deletingARunRemovesEveryRowOfItAndNothingOfAnotherRun() throws Exception {
    db.run("r1", "COMPLETED");
    db.run("r2", "COMPLETED");
    givenRowsOfEveryKind("r1");
    givenRowsOfEveryKind("r2");

    runs.deleteRun(new Write.DeleteRun("r1"), db.batch());

    for (String table : RUN_TABLES) {
      assertThat(db.count(table, "r1")).as(table + " of r1").isZero();
      assertThat(db.count(table, "r2")).as(table + " of r2").isPositive();
    }
  }

  @Test
  void deletingARunningRunConflictsAndAMissingOneIsANoOp() throws Exception {
    db.run("r1", "RUNNING");
    givenRowsOfEveryKind("r1");
    Write.DeleteRun delete = new Write.DeleteRun("r1");

    assertThatThrownBy(() -> runs.deleteRun(delete, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(delete))
        .hasMessage("run r1 is running");
    for (String table : RUN_TABLES) {
      assertThat(db.count(table, "r1")).as(table).isPositive();
    }

    runs.deleteRun(new Write.DeleteRun("missing"), db.batch());
  }

  @Test
  void deletingARunCallsEachExtensionBetweenTheCoreRowsAndTheRunsRow() throws Exception {
    db.run("r1", "COMPLETED");
    givenRowsOfEveryKind("r1");
    List<String> seen = new ArrayList<>();
    JdbcExtension probe =
        new JdbcExtension() {
          @Override
          public String name() {
            return "probe";
          }

          @Override
          public void install(Registry registry) {}

          @Override
          public void deleteRun(String runId, WriteContext context) throws SQLException {
            PreparedStatement ps =
                context.prepare(
                    "SELECT (SELECT COUNT(*) FROM history WHERE run_id = ?),"
                        + " (SELECT COUNT(*) FROM search_attributes WHERE run_id = ?),"
                        + " (SELECT COUNT(*) FROM runs WHERE run_id = ?)");
            for (int p = 1; p <= 3; p++) {
              ps.setString(p, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              seen.add(runId + " " + rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getInt(3));
            }
          }
        };
    RunWrites withProbe = new RunWrites(db.dialect, true, pausedRuns, List.of(probe, probe));

    withProbe.deleteRun(new Write.DeleteRun("r1"), db.batch());
    withProbe.deleteRun(new Write.DeleteRun("missing"), db.batch());

    assertThat(seen)
        .as("history and attributes gone, the run still there")
        .containsExactly("r1 0 0 1", "r1 0 0 1");
    assertThat(db.count("runs", "r1")).isZero();
  }

  private void givenRowsOfEveryKind(String runId) throws Exception {
    db.execute(
        "INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
            + " VALUES (?, 1, 'E', 0, x'00', 1)",
        runId);
    db.execute(
        "INSERT INTO inbox (run_id, event_type, event_time, data) VALUES (?, 'S', 0, x'00')",
        runId);
    db.execute(
        "INSERT INTO workflow_tasks (run_id, task_queue, visible_at, attempt)"
            + " VALUES (?, 'main', 0, 1)",
        runId);
    db.execute(
        "INSERT INTO activity_tasks (run_id, seq, task_queue, activity_type, attempt, visible_at,"
            + " spec) VALUES (?, 1, 'main', 'Charge', 0, 0, x'00')",
        runId);
    db.execute("INSERT INTO timers (run_id, seq, fire_at) VALUES (?, 2, 0)", runId);
    db.execute("INSERT INTO run_affinity (run_id, owner) VALUES (?, 'node-a')", runId);
    db.execute(
        "INSERT INTO search_attributes (run_id, name, type, text_value) VALUES (?, 'K', 'KEYWORD',"
            + " 'v')",
        runId);
    db.execute(
        "INSERT INTO update_outcomes (run_id, update_id, outcome) VALUES (?, 'u1', x'00')", runId);
  }
}
