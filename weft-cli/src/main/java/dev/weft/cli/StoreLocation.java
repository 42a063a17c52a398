package dev.weft.cli;

import dev.weft.store.Store;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import dev.weft.store.postgres.PostgresUrl;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Weft store lives, read the one way every {@code weft} command reads it ({@code --store}
 * of {@code weft server}, of the {@code weft workflow} commands, and the store a benchmark hands to
 * its child processes): a PostgreSQL URL ({@code postgres://}, {@code postgresql://} or {@code
 * jdbc:postgresql:}), or else the path of a SQLite file. Another URL ({@code mysql://...}, {@code
 * jdbc:mysql:...}) is refused rather than taken for a file name.
 *
 * <p>A location never shows its password: {@link #toString()}, every error message of {@link
 * #parse} and {@link #redact} mask it. Only {@link #argument()} keeps it, for a child process's
 * command line.
 *
 * <pre>{@code
 * StoreLocation where = StoreLocation.parse("postgres://weft:secret@db:5432/weft");
 * where.kind();      // StoreKind.POSTGRES
 * where.toString();  // PostgreSQL at jdbc:postgresql://db:5432/weft (user weft)
 * try (Store store = where.open(StoreLocation.OpenOptions.node("ops-1"))) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface StoreLocation
    permits StoreLocation.SqliteFile, StoreLocation.PostgresDatabase {

  /** What a store location may be, for error messages. */
  String EXPECTED =
      "a SQLite file path, postgres://user:password@host:port/database or"
          + " jdbc:postgresql://host:port/database";

  /**
   * Reads a store location.
   *
   * @param value a SQLite file path (relative to the working directory or absolute), or a
   *     PostgreSQL URL
   * @throws IllegalArgumentException naming the value (without its password) and what was expected,
   *     if it is empty, a URL of another kind, a malformed PostgreSQL URL, or not a valid path
   */
  static StoreLocation parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "the store location is empty"
              + (value == null ? "" : " ('" + value + "')")
              + ": expected "
              + EXPECTED);
    }
    String postgres = PostgresDatabase.normalizeScheme(value);
    if (postgres != null) {
      try {
        return new PostgresDatabase(PostgresUrl.parse(postgres));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + "; expected " + EXPECTED, e);
      }
    }
    if (SqliteFile.OTHER_URL.matcher(value).find()) {
      throw new IllegalArgumentException(
          "store " + PostgresUrl.redact(value) + " is not supported: expected " + EXPECTED);
    }
    try {
      return new SqliteFile(Path.of(value));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "store '"
              + value
              + "' is not a valid file path ("
              + e.getReason()
              + "): expected "
              + EXPECTED,
          e);
    }
  }

  /** The SQLite file at {@code file}. */
  static StoreLocation sqlite(Path file) {
    return new SqliteFile(file);
  }

  /** Returns the kind of store this is. */
  StoreKind kind();

  /**
   * Opens the store. The caller closes it.
   *
   * @throws IllegalArgumentException naming the file if it is missing and {@link
   *     OpenOptions#createIfMissing()} is off, or not a regular file
   * @throws dev.weft.store.StoreException naming the store (without its password) and the cause if
   *     it cannot be opened: an unreachable database, a file in use, a schema that does not fit
   */
  Store open(OpenOptions options);

  /**
   * Returns {@code message} with this location's password masked wherever it appears (a driver's
   * message may quote the URL it was given), and any URL's password too; null stays null.
   */
  String redact(String message);

  /**
   * Returns the text that {@link #parse} reads back to this store, password included: for the
   * command line of a child process, never for messages or logs.
   */
  String argument();

  /**
   * How to open the store at a location.
   *
   * @param nodeId this process's name among the nodes of a shared database (PostgreSQL's
   *     application name); unused by SQLite
   * @param readConnections connections for reads, or null for the store's default
   * @param migrate whether to upgrade a PostgreSQL schema older than this code (a SQLite file is
   *     always upgraded)
   * @param createIfMissing whether a missing store is created (a missing SQLite file, or Weft's
   *     schema in an empty PostgreSQL database) or refused, naming it; a PostgreSQL database must
   *     exist either way
   */
  record OpenOptions(
      String nodeId, Integer readConnections, boolean migrate, boolean createIfMissing) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if {@code readConnections} is below 1, naming it
     */
    public OpenOptions {
      Objects.requireNonNull(nodeId, "nodeId");
      if (readConnections != null && readConnections < 1) {
        throw new IllegalArgumentException("readConnections must be >= 1, was " + readConnections);
      }
    }

    /**
     * Options for node {@code nodeId}: the store's default connections, no schema upgrade, a
     * missing SQLite file created.
     */
    public static OpenOptions node(String nodeId) {
      return new OpenOptions(nodeId, null, false, true);
    }

    /** Returns these options with {@code readConnections} (null for the store's default). */
    public OpenOptions withReadConnections(Integer readConnections) {
      return new OpenOptions(nodeId, readConnections, migrate, createIfMissing);
    }

    /** Returns these options with {@code migrate}. */
    public OpenOptions withMigrate(boolean migrate) {
      return new OpenOptions(nodeId, readConnections, migrate, createIfMissing);
    }

    /** Returns these options with {@code createIfMissing}. */
    public OpenOptions withCreateIfMissing(boolean createIfMissing) {
      return new OpenOptions(nodeId, readConnections, migrate, createIfMissing);
    }
  }

  /**
   * A SQLite file.
   *
   * @param file the file, absolute and normalized
   */
  record SqliteFile(Path file) implements StoreLocation {
    private static final Pattern OTHER_URL =
        Pattern.compile("^(jdbc:[A-Za-z0-9]+:|[A-Za-z][\\w+.-]*://)");

    /** Makes the path absolute. */
    public SqliteFile {
      file = file.toAbsolutePath().normalize();
    }

    @Override
    public StoreKind kind() {
      return StoreKind.SQLITE;
    }

    @Override
    public Store open(OpenOptions options) {
      if (!options.createIfMissing() && !Files.exists(file)) {
        throw new IllegalArgumentException("no store file at " + file);
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "store file " + file + " is not a regular file: expected a SQLite file");
      }
      SqliteStoreOptions sqlite = SqliteStoreOptions.at(file);
      if (options.readConnections() != null) {
        sqlite = sqlite.withReadConnections(options.readConnections());
      }
      return SqliteStore.open(sqlite);
    }

    @Override
    public String redact(String message) {
      return message == null ? null : PostgresUrl.redact(message);
    }

    @Override
    public String argument() {
      return file.toString();
    }

    /** {@code SQLite file <path>}. */
    @Override
    public String toString() {
      return "SQLite file " + file;
    }
  }

  /**
   * A PostgreSQL database.
   *
   * @param url its URL and credentials
   */
  record PostgresDatabase(PostgresUrl url) implements StoreLocation {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)[?&]password=([^&]*)");
    private static final String[] SCHEMES = {"postgres://", "postgresql://", "jdbc:postgresql:"};

    /** Validates the URL. */
    public PostgresDatabase {
      Objects.requireNonNull(url, "url");
    }

    /** Returns the value with its PostgreSQL scheme in lower case, or null if it has none. */
    static String normalizeScheme(String value) {
      for (String scheme : SCHEMES) {
        if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
          return scheme + value.substring(scheme.length());
        }
      }
      return null;
    }

    @Override
    public StoreKind kind() {
      return StoreKind.POSTGRES;
    }

    @Override
    public Store open(OpenOptions options) {
      PostgresStoreOptions postgres =
          PostgresStoreOptions.of(url)
              .nodeId(options.nodeId())
              .migrate(options.migrate())
              .createSchema(options.createIfMissing());
      if (options.readConnections() != null) {
        postgres.readConnections(options.readConnections());
      }
      return PostgresStore.open(postgres);
    }

    @Override
    public String redact(String message) {
      if (message == null) {
        return null;
      }
      String masked = url.redactMessage(message);
      Matcher param = PASSWORD_PARAM.matcher(url.jdbcUrl());
      while (param.find()) {
        if (!param.group(1).isEmpty()) {
          masked = masked.replace(param.group(1), "***");
        }
      }
      return masked;
    }

    @Override
    public String argument() {
      if (url.user() == null && url.password() == null) {
        return url.jdbcUrl();
      }
      StringBuilder jdbc = new StringBuilder(url.jdbcUrl());
      char separator = url.jdbcUrl().contains("?") ? '&' : '?';
      if (url.user() != null) {
        jdbc.append(separator).append("user=").append(encode(url.user()));
        separator = '&';
      }
      if (url.password() != null) {
        jdbc.append(separator).append("password=").append(encode(url.password()));
      }
      return jdbc.toString();
    }

    private static String encode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code PostgreSQL at <JDBC URL without its password> (user <user>)}. */
    @Override
    public String toString() {
      return "PostgreSQL at " + url;
    }
  }
}
