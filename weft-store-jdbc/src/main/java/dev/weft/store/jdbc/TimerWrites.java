package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteSql.update;

import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Applies the writes of timers: {@link Write.InsertTimer} and {@link Write.DeleteTimer}. */
final class TimerWrites {
  private final Dialect dialect;

  TimerWrites(Dialect dialect) {
    this.dialect = dialect;
  }

  void register(Appliers appliers) {
    appliers.add(Write.InsertTimer.class, TimerWrites::insertTimer);
    appliers.add(Write.DeleteTimer.class, this::deleteTimer);
  }

  static void insertTimer(Write.InsertTimer w, BatchContext batch) throws SQLException {
    PreparedStatement ps =
        batch.statements().prepare("INSERT INTO timers (run_id, seq, fire_at) VALUES (?, ?, ?)");
    ps.setString(1, w.timer().runId());
    ps.setLong(2, w.timer().seq());
    Millis.set(ps, 3, w.timer().fireAt());
    ps.executeUpdate();
    batch.notifications().dueAt(w.timer().fireAt());
  }

  void deleteTimer(Write.DeleteTimer w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    int rows;
    if (w.required()) {
      // firing a timer: several nodes' due loops may race for it; the one that cannot have the
      // row at once loses (a conflict) instead of waiting for the winner's transaction
      rows =
          update(
              st,
              "DELETE FROM timers WHERE run_id = ? AND seq = ? AND seq IN (SELECT seq FROM timers"
                  + " WHERE run_id = ? AND seq = ?"
                  + dialect.claimLockClause()
                  + ")",
              w.runId(),
              w.seq(),
              w.runId(),
              w.seq());
    } else {
      rows = update(st, "DELETE FROM timers WHERE run_id = ? AND seq = ?", w.runId(), w.seq());
    }
    if (rows == 0 && w.required()) {
      throw new ConflictException(
          w, "timer " + w.seq() + " of run " + w.runId() + " does not exist");
    }
  }
}
