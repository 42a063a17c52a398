package dev.weft.cli;

import dev.weft.store.Store;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import dev.weft.store.postgres.PostgresUrl;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store a {@code weft server} node runs on, read from {@code --store}: a PostgreSQL URL ({@code
 * postgres://}, {@code postgresql://} or {@code jdbc:postgresql:}), or else the path of a SQLite
 * file. Shown everywhere without its password.
 *
 * @param file the SQLite file (absolute), or null
 * @param url the PostgreSQL database, or null
 */
record ServerStore(Path file, PostgresUrl url) {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)[?&]password=([^&]*)");
  private static final Pattern OTHER_URL =
      Pattern.compile("^(jdbc:[a-z0-9]+:|[a-zA-Z][\\w+.-]*://)");

  /**
   * Reads {@code --store}.
   *
   * @throws IllegalArgumentException naming the value (without its password) if it is a URL of
   *     another database or a malformed PostgreSQL URL
   */
  static ServerStore parse(String value) {
    if (value.startsWith("postgres://")
        || value.startsWith("postgresql://")
        || value.startsWith("jdbc:postgresql:")) {
      return new ServerStore(null, PostgresUrl.parse(value));
    }
    if (OTHER_URL.matcher(value).find()) {
      throw new IllegalArgumentException(
          "store "
              + PostgresUrl.redact(value)
              + " is not supported: give a SQLite file path, postgres://user:password@host:port/db"
              + " or jdbc:postgresql://host:port/db");
    }
    return new ServerStore(Path.of(value).toAbsolutePath().normalize(), null);
  }

  /** Whether this is a PostgreSQL database. */
  boolean isPostgres() {
    return url != null;
  }

  /**
   * Opens the store.
   *
   * @param readConnections connections for reads, or null for the store's default
   * @param migrate whether to upgrade an older PostgreSQL schema (SQLite always upgrades)
   * @throws dev.weft.store.StoreException naming the store and the cause if it cannot be opened
   */
  Store open(String nodeId, Integer readConnections, boolean migrate) {
    if (url != null) {
      PostgresStoreOptions options = PostgresStoreOptions.of(url).nodeId(nodeId).migrate(migrate);
      if (readConnections != null) {
        options.readConnections(readConnections);
      }
      return PostgresStore.open(options);
    }
    SqliteStoreOptions options = SqliteStoreOptions.at(file);
    if (readConnections != null) {
      options = options.withReadConnections(readConnections);
    }
    return SqliteStore.open(options);
  }

  /**
   * Returns {@code message} with this store's password masked wherever it appears: a driver's
   * message may quote the URL it was given.
   */
  String redact(String message) {
    if (url == null || message == null) {
      return message;
    }
    String masked = message;
    if (url.password() != null && !url.password().isEmpty()) {
      masked = masked.replace(url.password(), "***");
    }
    Matcher param = PASSWORD_PARAM.matcher(url.jdbcUrl());
    while (param.find()) {
      if (!param.group(1).isEmpty()) {
        masked = masked.replace(param.group(1), "***");
      }
    }
    return masked;
  }

  /** Describes the store for logs: the file, or the URL without its password. */
  @Override
  public String toString() {
    return url != null ? "PostgreSQL at " + url : "SQLite file " + file;
  }
}
