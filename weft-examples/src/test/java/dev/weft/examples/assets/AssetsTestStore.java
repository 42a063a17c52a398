package dev.weft.examples.assets;

import dev.weft.store.Store;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stores the asset examples' acceptance tests run on; a directory names a store, so opening the
 * same directory again is the same store after a restart.
 */
enum AssetsTestStore {
  /** A SQLite file in the directory. */
  SQLITE {
    @Override
    Store open(Path dir) {
      return SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false));
    }
  },
  /** A schema of its own in the test JVM's one embedded PostgreSQL. */
  POSTGRES {
    @Override
    Store open(Path dir) {
      String url = Server.get().getJdbcUrl("postgres", "postgres");
      return PostgresStore.open(PostgresStoreOptions.of(url).schema(schemaOf(dir)));
    }
  };

  private static final AtomicInteger schemas = new AtomicInteger();
  private static final Map<Path, String> schemaByDir = new ConcurrentHashMap<>();

  /** Opens the store this directory names, creating it the first time. */
  abstract Store open(Path dir);

  private static String schemaOf(Path dir) {
    return schemaByDir.computeIfAbsent(
        dir.toAbsolutePath(),
        d -> "examples_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet());
  }

  private static final class Server {
    private static final ReentrantLock lock = new ReentrantLock();
    private static EmbeddedPostgres server;

    static EmbeddedPostgres get() {
      lock.lock();
      try {
        if (server == null) {
          EmbeddedPostgres started = EmbeddedPostgres.builder().start();
          server = started;
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
