package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Pause;
import dev.weft.store.TaskKind;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.DueAt;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunPauses} on a real SQLite file. */
class RunPausesTest {
  private static final Pause PAUSE = new Pause(T0, "investigating", "alice");

  @TempDir Path dir;
  WriteFixture db;
  PausedRuns pausedRuns;
  RunPauses pauses;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    pausedRuns = new PausedRuns(true);
    pauses = new RunPauses(db.dialect, pausedRuns);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void pausingARunningRunRecordsTheFirstPause() throws Exception {
    db.run("r1", "RUNNING");
    assertThat(pausedRuns.mayBePaused(db.statements)).isFalse();

    pauses.pauseRun(new Write.PauseRun("r1", PAUSE), db.batch());
    pauses.pauseRun(
        new Write.PauseRun("r1", new Pause(T0.plusSeconds(5), "again", "bob")), db.batch());

    assertThat(db.rows("SELECT paused_at, reason, identity FROM paused_runs WHERE run_id = 'r1'"))
        .containsExactly(row(T0.toEpochMilli(), "investigating", "alice"));
    assertThat(pausedRuns.mayBePaused(db.statements)).isTrue();
  }

  @Test
  void pausingARunThatIsNotRunningConflicts() throws Exception {
    db.run("r1", "COMPLETED");
    Write.PauseRun pause = new Write.PauseRun("r1", PAUSE);

    assertThatThrownBy(() -> pauses.pauseRun(pause, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(pause))
        .hasMessage("run r1 is not running");
    assertThatThrownBy(() -> pauses.pauseRun(new Write.PauseRun("nope", PAUSE), db.batch()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("run nope is not running");
  }

  @Test
  void theGuardConflictsOnlyWhileTheRunIsPaused() throws Exception {
    db.run("r1", "RUNNING");
    Write.IfNotPaused guard = new Write.IfNotPaused("r1");
    pauses.ifNotPaused(guard, db.batch());

    pauses.pauseRun(new Write.PauseRun("r1", PAUSE), db.batch());

    assertThatThrownBy(() -> pauses.ifNotPaused(guard, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(guard))
        .hasMessage("run r1 is paused");
    pauses.ifNotPaused(new Write.IfNotPaused("other"), db.batch());
  }

  @Test
  void resumingWakesTheRunsWorkflowQueueItsActivityQueuesAndTheDueLoop() throws Exception {
    db.run("r1", "RUNNING");
    for (String queue : List.of("emails", "payments", "emails")) {
      db.execute(
          "INSERT INTO activity_tasks (run_id, seq, task_queue, activity_type, attempt,"
              + " visible_at, spec) VALUES ('r1', ?, ?, 'A', 0, 0, x'00')",
          db.number("SELECT COUNT(*) + 1 FROM activity_tasks"),
          queue);
    }
    pauses.pauseRun(new Write.PauseRun("r1", PAUSE), db.batch());
    BatchContext batch = db.batch();

    pauses.resumeRun(new Write.ResumeRun("r1"), batch);

    assertThat(db.count("paused_runs", "r1")).isZero();
    assertThat(db.notified())
        .containsExactlyInAnyOrder(
            new TasksReady(TaskKind.WORKFLOW, "main", Instant.EPOCH),
            new TasksReady(TaskKind.ACTIVITY, "emails", Instant.EPOCH),
            new TasksReady(TaskKind.ACTIVITY, "payments", Instant.EPOCH),
            new DueAt(Instant.EPOCH));
    assertThat(pausedRuns.mayBePaused(db.statements)).isFalse();
  }

  @Test
  void resumingARunThatIsNotPausedWakesNobodyAndAMissingRunConflicts() throws Exception {
    db.run("r1", "RUNNING");

    pauses.resumeRun(new Write.ResumeRun("r1"), db.batch());
    assertThat(db.notified()).isEmpty();

    Write.ResumeRun missing = new Write.ResumeRun("nope");
    assertThatThrownBy(() -> pauses.resumeRun(missing, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(missing))
        .hasMessage("run nope does not exist");
  }
}
