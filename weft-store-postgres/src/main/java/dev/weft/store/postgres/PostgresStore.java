package dev.weft.store.postgres;

import dev.weft.store.StoreCapabilities;
import dev.weft.store.StoreException;
import dev.weft.store.jdbc.ConnectionSource;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.JdbcStore;
import dev.weft.store.jdbc.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The shared store: many Weft nodes (processes) on one PostgreSQL database, with no coordinator but
 * the database. Nodes claim tasks with {@code FOR UPDATE SKIP LOCKED}, every step is guarded by its
 * run's next event ID and its lease's fencing token, and nodes wake each other through {@code
 * LISTEN/NOTIFY}.
 *
 * <pre>{@code
 * try (PostgresStore store = PostgresStore.open("postgres://weft:secret@db:5432/weft")) {
 *   WeftEngine engine = WeftEngine.builder().store(store)...build();
 * }
 * }</pre>
 *
 * <p>Opening fails fast, naming the URL (without its password) and the cause, if the database
 * cannot be reached or its schema is newer than this code, or older and {@link
 * PostgresStoreOptions#migrate} is off. Once open, a lost connection is retried with backoff (see
 * {@link dev.weft.store.StoreUnavailableException}), logged once per outage.
 */
public final class PostgresStore extends JdbcStore {
  /** A transaction left open this long by a stopped process is ended by the server. */
  static final int IDLE_IN_TRANSACTION_TIMEOUT_MS = 5_000;

  /** A statement waits this long for a row lock before its work is retried. */
  static final int LOCK_TIMEOUT_MS = 2_000;

  private final ChangeFeed feed;

  private PostgresStore(
      PostgresStoreOptions options,
      List<JdbcExtension> extensions,
      Connection writer,
      Connection claimer,
      List<Connection> readers,
      ConnectionSource reconnect,
      ChangeFeed feed) {
    super(
        new PostgresDialect(),
        new StoreCapabilities(false, "postgres"),
        writer,
        claimer,
        readers,
        options.maxGroup(),
        options.hook(),
        reconnect,
        feed,
        "PostgreSQL at " + options.url(),
        extensions);
    this.feed = feed;
  }

  /** Opens the store at {@code url} ({@code postgres://...} or {@code jdbc:postgresql:...}). */
  public static PostgresStore open(String url) {
    return open(PostgresStoreOptions.of(url));
  }

  /**
   * Opens the store: connects, creates the schema in an empty database (or checks its version), and
   * starts listening for other nodes.
   *
   * @throws StoreException naming the URL (without password) and the cause, if the database cannot
   *     be reached or its schema (the core's or an extension's) does not fit this code
   */
  public static PostgresStore open(PostgresStoreOptions options) {
    ConnectionSource connections = () -> connect(options);
    List<Connection> opened = new ArrayList<>();
    try {
      List<JdbcExtension> extensions = options.extensions();
      Connection writer = connections.open();
      opened.add(writer);
      migrate(writer, options, extensions);
      Connection claimer = null;
      if (options.claimConnection()) {
        claimer = connections.open();
        opened.add(claimer);
      }
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < options.readConnections(); i++) {
        Connection reader = connections.open();
        opened.add(reader);
        readers.add(reader);
      }
      PostgresStore[] store = new PostgresStore[1];
      ChangeFeed feed =
          new ChangeFeed(
              channel(options.schema()),
              options.nodeId(),
              connections,
              n -> store[0].deliverToListeners(n),
              (who, cause) -> store[0].connectionLost(who, cause),
              who -> store[0].connectionRestored(who));
      store[0] =
          new PostgresStore(options, extensions, writer, claimer, readers, connections, feed);
      opened.clear();
      try {
        feed.start();
      } catch (SQLException e) {
        store[0].close();
        throw e;
      }
      return store[0];
    } catch (SQLException | RuntimeException e) {
      for (Connection c : opened) {
        closeQuietly(c);
      }
      // the driver's message may quote the URL, password included: then the cause is dropped
      String message = String.valueOf(e.getMessage());
      String redacted = options.url().redactMessage(message);
      throw new StoreException(
          "cannot open the PostgreSQL store at " + options.url() + ": " + redacted,
          redacted.equals(message) ? e : null);
    }
  }

  private static Connection connect(PostgresStoreOptions options) throws SQLException {
    Properties p = new Properties();
    PostgresUrl url = options.url();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    long timeout = options.connectTimeout().toSeconds();
    p.setProperty("connectTimeout", Long.toString(timeout));
    p.setProperty("loginTimeout", Long.toString(timeout));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", "weft " + options.nodeId());
    if (options.schema() != null) {
      p.setProperty("currentSchema", options.schema());
    }
    Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
    try (Statement s = c.createStatement()) {
      s.execute("SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION_TIMEOUT_MS);
      s.execute("SET lock_timeout = " + LOCK_TIMEOUT_MS);
    } catch (SQLException e) {
      closeQuietly(c);
      throw e;
    }
    return c;
  }

  /**
   * Creates or checks the schema, the core's and then each extension's, one node at a time (a
   * session advisory lock).
   */
  private static void migrate(
      Connection c, PostgresStoreOptions options, List<JdbcExtension> extensions)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      if (options.schema() != null) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + options.schema());
      }
      s.execute("SELECT pg_advisory_lock(hashtext('weft schema ' || current_schema()))");
      try {
        if (!options.createSchema() && !hasSchema(s)) {
          throw new StoreException(
              (options.schema() == null ? "the database" : "schema " + options.schema())
                  + " holds no Weft store, and this store may not create one (createSchema is"
                  + " off): check the URL, or start a Weft node (weft server) on it first");
        }
        new SchemaMigrator("postgres", PostgresStore.class.getClassLoader())
            .migrate(c, options.migrate());
        SchemaMigrator.migrateExtensions(c, "postgres", extensions, options.migrate());
      } finally {
        s.execute("SELECT pg_advisory_unlock(hashtext('weft schema ' || current_schema()))");
      }
    }
  }

  /** Whether the current schema holds Weft's schema table (any version). */
  private static boolean hasSchema(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT to_regclass('weft_schema') IS NOT NULL")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** The notification channel of a schema: nodes of other schemas do not hear each other. */
  static String channel(String schema) {
    return "weft_changes_" + (schema == null ? "default" : schema);
  }

  @Override
  public void close() {
    try {
      feed.close();
    } finally {
      super.close();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing
    }
  }
}
