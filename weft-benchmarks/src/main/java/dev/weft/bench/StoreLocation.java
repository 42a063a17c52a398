package dev.weft.bench;

import dev.weft.store.Store;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store of a benchmark run lives: a SQLite file or a PostgreSQL database (JDBC URL). Its
 * {@link #toString()} is what child processes get on their command line and read back with {@link
 * #parse}.
 *
 * @param kind {@code sqlite} or {@code postgres}
 * @param location the file path or the JDBC URL
 */
record StoreLocation(String kind, String location) {
  private static final String JDBC_POSTGRES = "jdbc:postgresql:";

  StoreLocation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }

  /** A SQLite file. */
  static StoreLocation sqlite(Path file) {
    return new StoreLocation("sqlite", file.toString());
  }

  /** A PostgreSQL database. */
  static StoreLocation postgres(String jdbcUrl) {
    if (!jdbcUrl.startsWith(JDBC_POSTGRES)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    return new StoreLocation("postgres", jdbcUrl);
  }

  /** Reads what {@link #toString()} wrote. */
  static StoreLocation parse(String location) {
    return location.startsWith(JDBC_POSTGRES) ? postgres(location) : sqlite(Path.of(location));
  }

  /**
   * Opens the store with the settings a user gets by default (durable); a PostgreSQL store gets its
   * schema if the database is empty, and names this process {@code nodeId} among the nodes.
   */
  Store open(String nodeId) {
    return switch (kind) {
      case "sqlite" -> SqliteStore.open(Path.of(location));
      case "postgres" ->
          PostgresStore.open(PostgresStoreOptions.of(location).nodeId(nodeId).migrate(true));
      default -> throw new IllegalArgumentException("unknown store '" + kind + "'");
    };
  }

  @Override
  public String toString() {
    return location;
  }
}
