package dev.weft.store.sqlite;

import dev.weft.store.Store;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.tck.jdbc.JdbcExtensionContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Runs the extension API's contract against {@link SqliteStore}: one file per test. */
class SqliteExtensionContractTest extends JdbcExtensionContract {
  @TempDir Path dir;

  @Override
  protected Store openStore(List<JdbcExtension> extensions) {
    return SqliteStore.open(
        SqliteStoreOptions.at(dir.resolve("weft.db")).withExtensions(extensions));
  }
}
