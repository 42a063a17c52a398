package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a new, configured connection to the store's database: how the writer and the readers
 * reconnect after the database dropped their connections (a server restart, a network cut).
 */
@FunctionalInterface
public interface ConnectionSource {

  /** Opens a connection, configured for its role (session settings done). */
  Connection open() throws SQLException;

  /**
   * The pause before reconnect attempt {@code attempt} (1, 2, ...) after a lost connection: 100 ms,
   * doubling up to 5 s.
   */
  static long backoffMillis(int attempt) {
    return Math.min(5_000L, 100L << Math.min(6, Math.max(0, attempt - 1)));
  }
}
