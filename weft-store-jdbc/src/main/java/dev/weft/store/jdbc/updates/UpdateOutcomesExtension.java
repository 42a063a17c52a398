package dev.weft.store.jdbc.updates;

import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.WriteContext;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.store.updates.UpdateOutcomes;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The store extension of update outcomes ({@code update-outcomes}): applies {@link
 * PutUpdateOutcome}, offers {@link UpdateOutcomes}, and deletes a run's outcomes with the run. Its
 * table, {@code update_outcomes}, is keyed by run and update ID; its migrations are in {@code
 * db/ext/update-outcomes/<dialect>/}. Declared in this module's {@code META-INF/services}, so every
 * SQL store installs it unless its options name other extensions. Stateless.
 */
public final class UpdateOutcomesExtension implements JdbcExtension {

  /** Creates the extension (the service loader calls this). */
  public UpdateOutcomesExtension() {}

  @Override
  public String name() {
    return "update-outcomes";
  }

  @Override
  public void install(Registry registry) {
    registry
        .write(PutUpdateOutcome.class, UpdateOutcomesExtension::put)
        .reads(UpdateOutcomes.class, new JdbcUpdateOutcomes(registry.readPool()));
  }

  /** Replaces the outcome of the update request. */
  private static void put(PutUpdateOutcome w, WriteContext tx) throws SQLException {
    PreparedStatement delete =
        tx.prepare("DELETE FROM update_outcomes WHERE run_id = ? AND update_id = ?");
    delete.setString(1, w.runId());
    delete.setString(2, w.updateId());
    delete.executeUpdate();
    PreparedStatement insert =
        tx.prepare("INSERT INTO update_outcomes (run_id, update_id, outcome) VALUES (?, ?, ?)");
    insert.setString(1, w.runId());
    insert.setString(2, w.updateId());
    insert.setBytes(3, w.outcome());
    insert.executeUpdate();
  }

  @Override
  public void deleteRun(String runId, WriteContext tx) throws SQLException {
    PreparedStatement ps = tx.prepare("DELETE FROM update_outcomes WHERE run_id = ?");
    ps.setString(1, runId);
    ps.executeUpdate();
  }
}
