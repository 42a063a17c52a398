package dev.weft.store.sqlite;

import dev.weft.store.Store;
import dev.weft.store.tck.StoreContractSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole store contract suite against {@link SqliteStore}: a new durable file per test,
 * with the default options, under a temporary folder.
 */
class SqliteStoreContractTest extends StoreContractSuite {
  @TempDir Path dir;

  @Override
  protected Store createStore() {
    return SqliteStore.open(dir.resolve("weft.db"));
  }
}
