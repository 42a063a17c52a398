package dev.weft.store.jdbc;

import java.sql.SQLException;

/** A unit of work inside a writer transaction; runs on the writer's thread and connection. */
@FunctionalInterface
interface TxWork<T> {
  T run(Statements statements, Notifications notifications) throws SQLException, ConflictException;
}
