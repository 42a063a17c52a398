package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.sql.SQLException;

/**
 * The store's pool of read connections, for a store extension's reads ({@link
 * JdbcExtension.Registry#readPool}). Each read borrows a connection, runs, and gives it back; a
 * read waits while every connection is in use. Reads see what was committed when they run, never
 * uncommitted writes. Where connections can be lost (a server), a read that lost its connection
 * runs again on a new one, so a read must be safe to repeat. Thread-safe.
 */
public interface JdbcReads {

  /** A read, run on a borrowed connection. */
  @FunctionalInterface
  interface Query<T> {
    /** Runs the read; may be called again if the connection was lost. */
    T run(SqlSession session) throws SQLException;
  }

  /**
   * Runs a read on a connection of the pool.
   *
   * @param what what is read, naming the identifiers involved ("outcome of update u1 of run r1"),
   *     for the message of a failure
   * @throws StoreException naming {@code what} if the read failed; {@link
   *     StoreUnavailableException} if the database stayed unreachable
   */
  <T> T read(String what, Query<T> query);
}
