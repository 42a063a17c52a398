package dev.weft.store.jdbc;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Write;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InboxWrites} on a real SQLite file. */
class InboxWritesTest {
  @TempDir Path dir;
  WriteFixture db;
  InboxWrites inbox;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    inbox = new InboxWrites(db.dialect);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eventsGoToARunningRunsInboxWithIncreasingIds() throws Exception {
    db.run("r1", "RUNNING");
    BatchContext batch = db.batch();

    inbox.insertInbox(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("a")), batch);
    inbox.insertInbox(new Write.InsertInbox("r1", "TimerFired", T0, bytes("b")), batch);

    List<List<Object>> rows =
        db.rows("SELECT inbox_id, event_type, event_time FROM inbox ORDER BY inbox_id");
    assertThat(rows).extracting(r -> r.get(1)).containsExactly("SignalReceived", "TimerFired");
    assertThat(((Number) rows.get(1).get(0)).longValue())
        .isGreaterThan(((Number) rows.get(0).get(0)).longValue());
    assertThat(rows.get(0).get(2)).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void anEventForAClosedOrMissingRunConflictsNamingTheRun() throws Exception {
    db.run("done", "COMPLETED");
    Write.InsertInbox toClosed = new Write.InsertInbox("done", "SignalReceived", T0, bytes("a"));
    Write.InsertInbox toMissing = new Write.InsertInbox("nope", "SignalReceived", T0, bytes("a"));

    assertThatThrownBy(() -> inbox.insertInbox(toClosed, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(toClosed))
        .hasMessage("run done is not running");
    assertThatThrownBy(() -> inbox.insertInbox(toMissing, db.batch()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("run nope is not running");
    assertThat(db.number("SELECT COUNT(*) FROM inbox")).isZero();
  }

  @Test
  void deleteRemovesTheRunsEventsUpToAndIncludingTheId() throws Exception {
    db.run("r1", "RUNNING");
    db.run("r2", "RUNNING");
    BatchContext batch = db.batch();
    for (String runId : List.of("r1", "r1", "r1", "r2")) {
      inbox.insertInbox(new Write.InsertInbox(runId, "SignalReceived", T0, bytes("x")), batch);
    }
    long second = db.number("SELECT inbox_id FROM inbox WHERE run_id = 'r1' LIMIT 1 OFFSET 1");

    inbox.deleteInbox(new Write.DeleteInbox("r1", second), db.batch());

    assertThat(db.count("inbox", "r1")).isEqualTo(1);
    assertThat(db.count("inbox", "r2")).isEqualTo(1);
  }
}
