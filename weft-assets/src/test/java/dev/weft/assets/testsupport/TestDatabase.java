package dev.weft.assets.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/** The databases user data (a {@code JdbcIoManager}'s tables) is kept in by the tests. */
public enum TestDatabase {
  /** A SQLite file in the directory. */
  SQLITE {
    @Override
    public DataSource dataSource(Path dir) {
      SQLiteDataSource ds = new SQLiteDataSource();
      ds.setUrl("jdbc:sqlite:" + dir.resolve("data.db"));
      return ds;
    }
  },
  /** The one embedded PostgreSQL of the test JVM (tests use tables of their own). */
  POSTGRES {
    @Override
    public DataSource dataSource(Path dir) {
      return Server.get().getPostgresDatabase();
    }
  };

  /** Returns a data source of this database for the directory of a test. */
  public abstract DataSource dataSource(Path dir);

  /** Returns the JDBC URL of the embedded PostgreSQL, starting it on first use. */
  public static String postgresUrl() {
    return Server.get().getJdbcUrl("postgres", "postgres");
  }

  private static final class Server {
    private static final ReentrantLock lock = new ReentrantLock();
    private static EmbeddedPostgres server;

    static EmbeddedPostgres get() {
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
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      } finally {
        lock.unlock();
      }
    }
  }
}
