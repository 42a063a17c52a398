package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteSql.lockRun;
import static dev.weft.store.jdbc.WriteSql.update;

import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Applies the writes of a run's inbox: {@link Write.InsertInbox} (only to a running run) and {@link
 * Write.DeleteInbox}. Both lock the run first where the dialect needs it, so that inbox IDs of a
 * run are assigned in commit order.
 */
final class InboxWrites {
  private final Dialect dialect;

  InboxWrites(Dialect dialect) {
    this.dialect = dialect;
  }

  void register(Appliers appliers) {
    appliers.add(Write.InsertInbox.class, this::insertInbox);
    appliers.add(Write.DeleteInbox.class, this::deleteInbox);
  }

  void insertInbox(Write.InsertInbox w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    lockRun(dialect, w.runId(), st);
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO inbox (run_id, event_type, event_time, data) SELECT ?, ?, ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM runs WHERE run_id = ? AND status = 'RUNNING')");
    ps.setString(1, w.runId());
    ps.setString(2, w.type());
    Millis.set(ps, 3, w.time());
    ps.setBytes(4, w.data());
    ps.setString(5, w.runId());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run " + w.runId() + " is not running");
    }
  }

  void deleteInbox(Write.DeleteInbox w, BatchContext batch) throws SQLException {
    Statements st = batch.statements();
    lockRun(dialect, w.runId(), st);
    update(st, "DELETE FROM inbox WHERE run_id = ? AND inbox_id <= ?", w.runId(), w.upToInboxId());
  }
}
