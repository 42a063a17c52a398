package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.events;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Pause;
import dev.weft.store.StoreException;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.tck.RecordingListener.DueAt;
import dev.weft.store.tck.RecordingListener.TasksReady;
import dev.weft.store.updates.PutUpdateOutcome;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher, {@link BatchApplier}, on a real SQLite file. */
class BatchApplierTest {
  @TempDir Path dir;
  WriteFixture db;
  BatchApplier applier;

  /** Heard after the commit of a {@link Probe}; the probe extension queues it. */
  final List<String> heard = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    Appliers appliers = new Appliers();
    List<JdbcExtension> extensions = List.of(new UpdateOutcomesExtension(), new ProbeExtension());
    applier = new BatchApplier(db.dialect, db.fairQueues, true, appliers, extensions);
    Extensions.install(extensions, db.dialect, db.readPool().forExtensions(), appliers);
  }

  /** A write of the probe extension. */
  record Probe(String runId) implements Write {}

  /** An extension whose applier inserts a timer row and queues an after-commit action. */
  final class ProbeExtension implements JdbcExtension {
    @Override
    public String name() {
      return "probe";
    }

    @Override
    public void install(Registry registry) {
      registry.write(
          Probe.class,
          (w, tx) -> {
            PreparedStatement ps =
                tx.prepare("INSERT INTO timers (run_id, seq, fire_at) VALUES (?, 99, 0)");
            ps.setString(1, w.runId());
            ps.executeUpdate();
            tx.afterCommit(() -> heard.add(w.runId()));
          });
    }
  }

  /** A write no extension defines. */
  record Stray(String runId) implements Write {}

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachWriteGoesToTheApplierOfItsKindInOrder() throws Exception {
    db.apply(
        applier,
        run("r1").scheduling(new TaskScheduling(1, "vip", 1)).insert(),
        new Write.AppendEvents("r1", 1, events(1, 2)),
        new Write.EnsureWorkflowTask("r1", "main", T0),
        activity("r1", 1).insert(),
        new Write.InsertTimer(timer("r1", 2, T0.plusSeconds(60))),
        new Write.SetMemo("r1", bytes("memo")));

    assertThat(db.count("runs", "r1")).isEqualTo(1);
    assertThat(db.count("history", "r1")).isEqualTo(2);
    assertThat(db.rows("SELECT priority, fairness_key FROM workflow_tasks"))
        .as("the run's scheduling, from the batch that inserted it")
        .containsExactly(row(1, "vip"));
    assertThat(db.count("activity_tasks", "r1")).isEqualTo(1);
    assertThat(db.count("timers", "r1")).isEqualTo(1);
    assertThat(db.notified())
        .containsExactly(
            new TasksReady(TaskKind.WORKFLOW, "main", T0),
            new TasksReady(TaskKind.ACTIVITY, "main", T0),
            new DueAt(T0.plusSeconds(60)));
  }

  @Test
  void aGuardBeforeItsRunsAppendIsCheckedByTheAppendAndFailsAsTheGuard() throws Exception {
    db.apply(applier, run("r1").insert(), new Write.AppendEvents("r1", 1, events(1, 1)));
    db.apply(applier, new Write.PauseRun("r1", new Pause(T0, "why", "who")));
    Write.IfNotPaused guard = new Write.IfNotPaused("r1");

    assertThatThrownBy(
            () ->
                db.apply(
                    applier,
                    guard,
                    new Write.InsertTimer(timer("r1", 1, T0)),
                    new Write.AppendEvents("r1", 2, events(2, 1))))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(guard))
        .hasMessage("run r1 is paused");
    assertThat(db.count("history", "r1")).isEqualTo(1);
  }

  @Test
  void aGuardWithoutAnAppendOfItsRunIsCheckedOnItsOwn() throws Exception {
    db.apply(applier, run("r1").insert());
    db.apply(applier, new Write.PauseRun("r1", new Pause(T0, "why", "who")));
    Write.IfNotPaused guard = new Write.IfNotPaused("r1");

    assertThatThrownBy(() -> db.apply(applier, guard, new Write.InsertTimer(timer("r1", 1, T0))))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(guard));
    assertThat(db.count("timers", "r1")).isZero();
  }

  @Test
  void ifRunningAppliesItsWritesOnlyToARunningRun() throws Exception {
    db.apply(applier, run("r1").insert(), run("r2").insert());
    db.apply(applier, new Write.CloseRun("r2", WorkflowStatus.COMPLETED, T0));

    db.apply(
        applier,
        new Write.IfRunning(
            "r1", List.of(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("a")))),
        new Write.IfRunning(
            "r2", List.of(new Write.InsertInbox("r2", "SignalReceived", T0, bytes("b")))));

    assertThat(db.count("inbox", "r1")).isEqualTo(1);
    assertThat(db.count("inbox", "r2")).isZero();
  }

  @Test
  void anExtensionsWriteGoesToItsApplierInTheSameTransaction() throws Exception {
    db.apply(
        applier,
        run("r1").insert(),
        new PutUpdateOutcome("r1", "u1", bytes("done")),
        new Probe("r1"));

    assertThat(db.count("update_outcomes", "r1")).isEqualTo(1);
    assertThat(db.count("timers", "r1")).isEqualTo(1);
    db.rollback();
    assertThat(db.count("runs", "r1") + db.count("update_outcomes", "r1")).isZero();
  }

  @Test
  void anExtensionsAfterCommitActionRunsOnlyWhenTheWriterSaysSoNotWithTheListeners()
      throws Exception {
    db.apply(applier, run("r1").insert(), new Probe("r1"));

    db.notified();
    assertThat(heard).isEmpty();
    db.runAfterCommit();
    assertThat(heard).containsExactly("r1");
  }

  @Test
  void aWriteNoApplierTakesFailsNamingItsClassItsRunAndTheInstalledExtensions() {
    assertThatThrownBy(() -> db.apply(applier, run("r1").insert(), new Stray("r1")))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "the sqlite store cannot apply writes of "
                + Stray.class.getName()
                + " (of run r1): neither its core nor its installed extensions"
                + " [update-outcomes, probe] apply them; install the store extension that"
                + " defines them");
  }

  @Test
  void nothingABatchRemembersCarriesOverToTheNext() throws Exception {
    db.apply(applier, run("r1").insert());
    db.apply(
        applier,
        new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0),
        new Write.DeleteRunTasks("r1"));
    db.execute("INSERT INTO timers (run_id, seq, fire_at) VALUES ('r1', 5, 0)");

    db.apply(applier, new Write.DeleteRunTasks("r1"));

    assertThat(db.count("timers", "r1")).isZero();
  }
}
