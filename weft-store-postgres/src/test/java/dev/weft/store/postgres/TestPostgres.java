package dev.weft.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from the embedded binaries on first use and
 * stopped when the JVM exits. Each test gets its own schema, so tests never see each other's rows.
 */
final class TestPostgres {
  private static final AtomicInteger schemas = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** Returns the server, starting it if needed. */
  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  }));
    }
    return server;
  }

  /** The JDBC URL of the server's {@code postgres} database, as the superuser. */
  static String url() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** Returns a new schema name, unique in this JVM. */
  static String newSchema(String prefix) {
    return prefix + "_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
  }

  /** Options for a store in a new, empty schema. */
  static PostgresStoreOptions freshOptions(String prefix) {
    return PostgresStoreOptions.of(url()).schema(newSchema(prefix));
  }

  /** Runs SQL as the superuser outside any store. */
  static void execute(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
