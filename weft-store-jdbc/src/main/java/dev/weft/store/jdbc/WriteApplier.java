package dev.weft.store.jdbc;

import dev.weft.store.Write;
import java.sql.SQLException;

/**
 * Applies a store extension's writes of one type inside the writer's transaction, registered with
 * {@link JdbcExtension.Registry#write}. Runs on the writer's thread, one write at a time, in the
 * order of its batch, among the core writes of that batch.
 *
 * @param <W> the type of write it applies
 */
@FunctionalInterface
public interface WriteApplier<W extends Write> {

  /**
   * Applies one write.
   *
   * @param write the write
   * @param context the transaction and what else the applier may use
   * @throws ConflictException if the write's condition does not hold: its batch is rolled back and
   *     the commit returns the conflict
   * @throws SQLException if a statement fails: the batch is rolled back and the commit fails with a
   *     {@link dev.weft.store.StoreException} (or runs again, when the failure was transient)
   */
  void apply(W write, WriteContext context) throws SQLException, ConflictException;
}
