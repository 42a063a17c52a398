package dev.weft.store.postgres;

import dev.weft.store.Store;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.tck.jdbc.JdbcExtensionContract;
import java.util.List;

/**
 * Runs the extension API's contract against {@link PostgresStore}: the embedded server of the test
 * JVM, a schema per test.
 */
class PostgresExtensionContractTest extends JdbcExtensionContract {
  private final String schema = TestPostgres.newSchema("ext");

  @Override
  protected Store openStore(List<JdbcExtension> extensions) {
    return PostgresStore.open(
        PostgresStoreOptions.of(TestPostgres.url()).schema(schema).extensions(extensions));
  }
}
