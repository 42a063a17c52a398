package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.EventRecord;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HistoryAppends} on a real SQLite file. */
class HistoryAppendsTest {
  @TempDir Path dir;
  WriteFixture db;
  HistoryAppends history;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    history = new HistoryAppends(db.dialect, new PausedRuns(true));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachEventStoresTheHistorysTotalSizeUpToIt() throws Exception {
    db.run("r1", "RUNNING");
    List<EventRecord> first = events(1, 2);
    List<EventRecord> next = events(3, 2);

    history.appendEvents(new Write.AppendEvents("r1", 1, first), null, db.batch());
    history.appendEvents(new Write.AppendEvents("r1", 3, next), null, db.batch());

    long size = 0;
    for (EventRecord e : List.of(first.get(0), first.get(1), next.get(0), next.get(1))) {
      size += e.data().length;
      assertThat(
              db.number(
                  "SELECT total_bytes FROM history WHERE run_id = 'r1' AND event_id = ?",
                  e.eventId()))
          .as("total size at event %d", e.eventId())
          .isEqualTo(size);
    }
  }

  @Test
  void aLongAppendGoesInChunksAndKeepsEveryEvent() throws Exception {
    db.run("r1", "RUNNING");

    history.appendEvents(new Write.AppendEvents("r1", 1, events(1, 70)), null, db.batch());
    history.appendEvents(new Write.AppendEvents("r1", 71, events(71, 40)), null, db.batch());

    assertThat(db.count("history", "r1")).isEqualTo(110);
    assertThat(db.number("SELECT MAX(event_id) FROM history WHERE run_id = 'r1'")).isEqualTo(110);
  }

  @Test
  void theFirstEventsOfAMissingRunConflict() {
    Write.AppendEvents append = new Write.AppendEvents("nope", 1, events(1, 1));

    assertThatThrownBy(() -> history.appendEvents(append, null, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(append))
        .hasMessage("run nope does not exist");
  }

  @Test
  void theFirstEventsOfARunTheBatchInsertedNeedNotFindItsRow() throws Exception {
    BatchContext batch = db.batch();
    batch.runInserted("new", TaskScheduling.DEFAULT);

    history.appendEvents(new Write.AppendEvents("new", 1, events(1, 2)), null, batch);

    assertThat(db.count("history", "new")).isEqualTo(2);
  }

  @Test
  void aStaleCursorConflictsNamingTheRunsNextEventId() throws Exception {
    db.run("r1", "RUNNING");
    history.appendEvents(new Write.AppendEvents("r1", 1, events(1, 3)), null, db.batch());
    Write.AppendEvents stale = new Write.AppendEvents("r1", 2, events(2, 1));
    Write.AppendEvents ahead = new Write.AppendEvents("r1", 7, events(7, 1));

    assertThatThrownBy(() -> history.appendEvents(stale, null, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(stale))
        .hasMessage("run r1 has next event ID 4, expected 2");
    assertThatThrownBy(() -> history.appendEvents(ahead, null, db.batch()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("run r1 has next event ID 4, expected 7");
  }

  @Test
  void aGuardedAppendToAPausedRunFailsTheGuardAndInsertsNothing() throws Exception {
    db.run("r1", "RUNNING");
    history.appendEvents(new Write.AppendEvents("r1", 1, events(1, 1)), null, db.batch());
    db.execute(
        "INSERT INTO paused_runs (run_id, paused_at, reason, identity) VALUES ('r1', 0, 'x', 'y')");
    Write.IfNotPaused guard = new Write.IfNotPaused("r1");
    Write.AppendEvents append = new Write.AppendEvents("r1", 2, events(2, 2));

    assertThatThrownBy(() -> history.appendEvents(append, guard, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(guard))
        .hasMessage("run r1 is paused");
    assertThat(db.count("history", "r1")).isEqualTo(1);
  }

  @Test
  void aGuardedAppendToARunningRunAppends() throws Exception {
    db.run("r1", "RUNNING");
    history.appendEvents(new Write.AppendEvents("r1", 1, events(1, 1)), null, db.batch());

    history.appendEvents(
        new Write.AppendEvents("r1", 2, events(2, 2)), new Write.IfNotPaused("r1"), db.batch());

    assertThat(db.count("history", "r1")).isEqualTo(3);
    assertThat(db.rows("SELECT event_time FROM history WHERE run_id = 'r1' AND event_id = 3"))
        .containsExactly(row(T0.plusSeconds(3).toEpochMilli()));
  }
}
