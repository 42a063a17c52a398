package dev.weft.store.jdbc.updates;

import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.updates.UpdateOutcomes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** {@link UpdateOutcomes} over a store's read connections. */
final class JdbcUpdateOutcomes implements UpdateOutcomes {
  private final JdbcReads reads;

  JdbcUpdateOutcomes(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public Optional<byte[]> find(String runId, String updateId) {
    return reads.read(
        "outcome of update " + updateId + " of run " + runId,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT outcome FROM update_outcomes WHERE run_id = ? AND update_id = ?");
          ps.setString(1, runId);
          ps.setString(2, updateId);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
          }
        });
  }
}
