package dev.weft.store.jdbc;

import java.util.List;

/**
 * A SQL statement and the values of its {@code ?} parameters, in order.
 *
 * @param sql the statement's text; values are never part of it
 * @param parameters the values to bind
 */
public record SqlStatement(String sql, List<Object> parameters) {

  /** Copies the parameters. */
  public SqlStatement {
    parameters = List.copyOf(parameters);
  }
}
