package dev.weft.store.jdbc;

import dev.weft.store.Write;
import java.sql.SQLException;

/**
 * Applies one kind of write inside the writer's transaction. A conditional write that does not hold
 * throws {@link ConflictException}; the writer then rolls the batch back. Runs on the writer's
 * thread only.
 */
@FunctionalInterface
interface Applier<W extends Write> {
  void apply(W write, BatchContext batch) throws SQLException, ConflictException;
}
