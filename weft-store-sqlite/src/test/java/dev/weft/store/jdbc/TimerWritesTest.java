package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.DueAt;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TimerWrites} on a real SQLite file. */
class TimerWritesTest {
  @TempDir Path dir;
  WriteFixture db;
  TimerWrites timers;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    timers = new TimerWrites(db.dialect);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anInsertedTimerIsStoredAndTheDueLoopIsToldItsTime() throws Exception {
    BatchContext batch = db.batch();

    TimerWrites.insertTimer(new Write.InsertTimer(timer("r1", 3, T0.plusSeconds(60))), batch);

    assertThat(db.rows("SELECT run_id, seq, fire_at FROM timers"))
        .containsExactly(row("r1", 3, T0.plusSeconds(60).toEpochMilli()));
    assertThat(db.notified()).containsExactly(new DueAt(T0.plusSeconds(60)));
  }

  @Test
  void deletingATimerRemovesOnlyThatOne() throws Exception {
    BatchContext batch = db.batch();
    TimerWrites.insertTimer(new Write.InsertTimer(timer("r1", 1, T0)), batch);
    TimerWrites.insertTimer(new Write.InsertTimer(timer("r1", 2, T0)), batch);

    timers.deleteTimer(new Write.DeleteTimer("r1", 1, true), db.batch());

    assertThat(db.rows("SELECT seq FROM timers")).containsExactly(row(2));
  }

  @Test
  void aRequiredDeleteOfAMissingTimerConflictsNamingIt() {
    Write.DeleteTimer fire = new Write.DeleteTimer("r1", 9, true);

    assertThatThrownBy(() -> timers.deleteTimer(fire, db.batch()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(fire))
        .hasMessage("timer 9 of run r1 does not exist");
  }

  @Test
  void aDeleteThatIsNotRequiredOfAMissingTimerIsANoOp() throws Exception {
    timers.deleteTimer(new Write.DeleteTimer("r1", 9, false), db.batch());

    assertThat(db.number("SELECT COUNT(*) FROM timers")).isZero();
  }
}
