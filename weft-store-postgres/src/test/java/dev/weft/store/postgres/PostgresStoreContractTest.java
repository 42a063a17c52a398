package dev.weft.store.postgres;

import dev.weft.store.Store;
import dev.weft.store.tck.StoreContractSuite;

/**
 * Runs the whole store contract suite against {@link PostgresStore}: one real PostgreSQL per test
 * JVM (the embedded binaries), a new schema per test, default options otherwise.
 */
class PostgresStoreContractTest extends StoreContractSuite {

  @Override
  protected Store createStore() {
    return PostgresStore.open(TestPostgres.freshOptions("tck"));
  }
}
