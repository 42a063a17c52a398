package dev.weft.store.sqlite;

import dev.weft.store.StoreCapabilities;
import dev.weft.store.StoreException;
import dev.weft.store.jdbc.JdbcStore;
import dev.weft.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The embedded store: one SQLite file. Open it with {@link #open(Path)}; close it when the engine
 * stops.
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(Path.of("weft.db"))) {
 *   WeftEngine engine = WeftEngine.builder().store(store)...build();
 * }
 * }</pre>
 *
 * <p>One process at a time owns the file (an OS lock on {@code <file>.lock}); a second open fails
 * with a {@link StoreException} that names the file.
 */
public final class SqliteStore extends JdbcStore {
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final WalCheckpointer checkpointer;

  private SqliteStore(
      SqliteStoreOptions options,
      Connection writer,
      List<Connection> readers,
      WalCheckpointer checkpointer,
      FileChannel lockChannel,
      FileLock lock) {
    super(
        new SqliteDialect(),
        new StoreCapabilities(true, "sqlite"),
        writer,
        readers,
        options.maxGroup(),
        options.hook(),
        options.extensions());
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.checkpointer = checkpointer;
    checkpointer.start();
  }

  /** Opens (creating if needed) a durable store at {@code path}. */
  public static SqliteStore open(Path path) {
    return open(SqliteStoreOptions.at(path));
  }

  /**
   * Opens (creating if needed) a store with the given options, and migrates its schema.
   *
   * @throws StoreException if the file is in use by another process, cannot be opened, or has a
   *     schema (the core's or an extension's) newer than this code
   */
  public static SqliteStore open(SqliteStoreOptions options) {
    Path path = options.path().toAbsolutePath();
    FileChannel channel = null;
    FileLock lock = null;
    List<Connection> opened = new ArrayList<>();
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      channel =
          FileChannel.open(
              Path.of(path + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new StoreException(
            "store file " + path + " is in use by another Weft engine (lock " + path + ".lock)");
      }
      Connection writer = connect(path);
      opened.add(writer);
      configureWriter(writer, options.durable());
      new SchemaMigrator("sqlite", SqliteStore.class.getClassLoader()).migrate(writer);
      SchemaMigrator.migrateExtensions(writer, "sqlite", options.extensions(), true);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < options.readConnections(); i++) {
        Connection reader = connect(path);
        opened.add(reader);
        configureReader(reader);
        readers.add(reader);
      }
      Connection checkpoints = connect(path);
      opened.add(checkpoints);
      try (Statement s = checkpoints.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
      }
      return new SqliteStore(
          options,
          writer,
          readers,
          new WalCheckpointer(checkpoints, Duration.ofMillis(100)),
          channel,
          lock);
    } catch (IOException | SQLException | RuntimeException e) {
      for (Connection c : opened) {
        closeQuietly(c);
      }
      releaseQuietly(lock, channel);
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("cannot open SQLite store " + path + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path path) throws SQLException {
    Properties properties = new Properties();
    // the store never asks for generated keys; without this, sqlite-jdbc inspects every
    // statement's SQL with a regular expression after each update
    properties.setProperty("jdbc.get_generated_keys", "false");
    return DriverManager.getConnection("jdbc:sqlite:" + path, properties);
  }

  private static void configureWriter(Connection c, boolean durable) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = " + (durable ? "FULL" : "OFF"));
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute("PRAGMA cache_size = -65536");
      s.execute("PRAGMA temp_store = MEMORY");
      // checkpoints run on a background connection (WalCheckpointer), not inside commits
      s.execute("PRAGMA wal_autocheckpoint = 0");
      s.execute("PRAGMA journal_size_limit = 67108864");
    }
  }

  private static void configureReader(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute("PRAGMA cache_size = -16384");
      s.execute("PRAGMA query_only = true");
    }
  }

  @Override
  public void close() {
    try {
      super.close();
      checkpointer.close();
    } finally {
      releaseQuietly(lock, lockChannel);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing
    }
  }

  private static void releaseQuietly(FileLock lock, FileChannel channel) {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the process is releasing it anyway
    }
  }
}
