package dev.weft.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The connection a unit of the store's work runs on, as a store extension sees it: the writer's
 * transaction (see {@link WriteContext}) or a read connection lent for one read (see {@link
 * JdbcReads}). Statements are prepared once per connection and cached by their SQL text, so pass
 * values as parameters, never in the text.
 *
 * <p>Used by one thread at a time, only during the call it was handed to.
 */
public interface SqlSession {

  /**
   * Returns the connection's prepared statement for {@code sql}, its parameters cleared. The
   * session owns the statement: bind it, run it, close its result sets, but do not close it.
   *
   * @throws SQLException if the statement cannot be prepared
   */
  PreparedStatement prepare(String sql) throws SQLException;
}
