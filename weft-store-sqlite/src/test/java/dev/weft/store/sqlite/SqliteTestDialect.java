package dev.weft.store.sqlite;

import dev.weft.store.jdbc.Dialect;

/**
 * Hands the real SQLite dialect to the unit tests of {@code weft-store-jdbc}'s appliers, which live
 * in that package (so they see its package-private classes) but run here, beside the SQLite driver
 * and migrations.
 */
public final class SqliteTestDialect {
  private SqliteTestDialect() {}

  /** Returns the dialect a {@link SqliteStore} uses. */
  public static Dialect create() {
    return new SqliteDialect();
  }
}
