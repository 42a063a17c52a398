package dev.weft.assets.testsupport;

import dev.weft.store.Store;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stores the materialization tests run on; a directory names a store, so the same directory
 * opens the same store again, as after a restart.
 */
public enum TestStore {
  /** A SQLite file in the directory, without fsync. */
  SQLITE {
    @Override
    public Store open(Path dir) {
      return SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false));
    }
  },
  /** A schema of its own in the embedded PostgreSQL of the test JVM. */
  POSTGRES {
    @Override
    public Store open(Path dir) {
      return PostgresStore.open(
          PostgresStoreOptions.of(TestDatabase.postgresUrl()).schema(schemaOf(dir)));
    }
  };

  private static final AtomicInteger schemas = new AtomicInteger();
  private static final Map<Path, String> schemaByDir = new ConcurrentHashMap<>();

  /** Opens the store this directory names, creating it the first time. */
  public abstract Store open(Path dir);

  private static String schemaOf(Path dir) {
    return schemaByDir.computeIfAbsent(
        dir.toAbsolutePath(),
        d -> "assets_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet());
  }
}
