package dev.weft.testsupport;

import dev.weft.store.Store;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stores engine tests run on. Use as the source of a parameterized test
 * ({@code @EnumSource(TestStore.class)}) to run an engine test on every store. A store is named by
 * a directory: the same directory opens the same store again, as after a restart.
 */
public enum TestStore {
  /** A SQLite file in the directory, without fsync (the tests need no durability). */
  SQLITE {
    @Override
    public Store open(Path dir, List<JdbcExtension> extensions) {
      return SqliteStore.open(
          SqliteStoreOptions.at(dir.resolve("weft.db"))
              .withDurable(false)
              .withExtensions(withDiscovered(extensions)));
    }
  },
  /**
   * A schema of its own, named after the directory, in the one real PostgreSQL of the test JVM
   * (started from the embedded binaries on first use, stopped when the JVM exits).
   */
  POSTGRES {
    @Override
    public Store open(Path dir, List<JdbcExtension> extensions) {
      return PostgresStore.open(
          PostgresStoreOptions.of(Server.url())
              .schema(Server.schemaOf(dir))
              .extensions(withDiscovered(extensions)));
    }
  };

  /** Opens the store this directory names, creating it the first time. */
  public Store open(Path dir) {
    return open(dir, List.of());
  }

  /**
   * Opens the store this directory names with {@code extensions} installed besides those the class
   * path declares (a test's probe extension).
   */
  public abstract Store open(Path dir, List<JdbcExtension> extensions);

  /**
   * Returns the JDBC URL of the test JVM's embedded PostgreSQL (user and database {@code
   * postgres}), starting it on first use: for tests that keep their own tables there.
   */
  public static String postgresUrl() {
    return Server.url();
  }

  private static List<JdbcExtension> withDiscovered(List<JdbcExtension> extensions) {
    List<JdbcExtension> all = new ArrayList<>(JdbcExtension.discovered());
    all.addAll(extensions);
    return all;
  }

  /**
   * Returns every value of every table of the store this directory names, as bytes (text as UTF-8),
   * for tests that look for what a store holds; read through a connection of its own.
   */
  public byte[] dump(Path dir) {
    String url = this == SQLITE ? "jdbc:sqlite:" + dir.resolve("weft.db") : Server.url();
    try (Connection c = DriverManager.getConnection(url);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      List<String> tables = new ArrayList<>();
      String list =
          this == SQLITE
              ? "SELECT name FROM sqlite_master WHERE type = 'table'"
              : "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                  + " WHERE table_schema = '"
                  + Server.schemaOf(dir)
                  + "'";
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(list)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              out.write(
                  v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8));
              out.write('\n');
            }
          }
        }
      }
      return out.toByteArray();
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot dump the " + this + " store of " + dir, e);
    }
  }

  /** The embedded PostgreSQL server, one per test JVM. */
  private static final class Server {
    private static final ReentrantLock lock = new ReentrantLock();
    private static final AtomicInteger schemas = new AtomicInteger();
    private static final Map<Path, String> schemaByDir = new ConcurrentHashMap<>();
    private static EmbeddedPostgres server;

    static String url() {
      lock.lock();
      try {
        if (server == null) {
          server = EmbeddedPostgres.builder().start();
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
        return server.getJdbcUrl("postgres", "postgres");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      } finally {
        lock.unlock();
      }
    }

    static String schemaOf(Path dir) {
      return schemaByDir.computeIfAbsent(
          dir.toAbsolutePath(),
          d -> "engine_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet());
    }
  }
}
