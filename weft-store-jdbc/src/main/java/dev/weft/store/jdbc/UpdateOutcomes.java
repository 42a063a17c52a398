package dev.weft.store.jdbc;

import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes the outcomes of update requests (table {@code update_outcomes}). */
final class UpdateOutcomes {
  private UpdateOutcomes() {}

  static void put(Write.PutUpdateOutcome w, Statements st) throws SQLException {
    PreparedStatement delete =
        st.prepare("DELETE FROM update_outcomes WHERE run_id = ? AND update_id = ?");
    delete.setString(1, w.runId());
    delete.setString(2, w.updateId());
    delete.executeUpdate();
    PreparedStatement insert =
        st.prepare("INSERT INTO update_outcomes (run_id, update_id, outcome) VALUES (?, ?, ?)");
    insert.setString(1, w.runId());
    insert.setString(2, w.updateId());
    insert.setBytes(3, w.outcome());
    insert.executeUpdate();
  }

  static Optional<byte[]> find(String runId, String updateId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare("SELECT outcome FROM update_outcomes WHERE run_id = ? AND update_id = ?");
    ps.setString(1, runId);
    ps.setString(2, updateId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
    }
  }
}
