package dev.weft.store.sqlite;

import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.TransactionHook;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to open a {@link SqliteStore}. Immutable; start from {@link #at(Path)}.
 *
 * @param path the database file (created with its folder if missing)
 * @param durable whether each commit is flushed to disk before it is acknowledged ({@code
 *     synchronous=FULL}); turn off only for throwaway stores such as tests
 * @param readConnections the number of connections for concurrent reads
 * @param maxGroup the maximum number of batches committed in one transaction
 * @param hook observes the writer's commits, for fault injection in crash tests
 * @param extensions the store extensions to install, in order: by default those the class path
 *     declares ({@link JdbcExtension#discovered()}), among them update outcomes, which the engine
 *     needs for workflow updates
 */
public record SqliteStoreOptions(
    Path path,
    boolean durable,
    int readConnections,
    int maxGroup,
    TransactionHook hook,
    List<JdbcExtension> extensions) {

  /** Validates the options. */
  public SqliteStoreOptions {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hook, "hook");
    extensions = List.copyOf(extensions);
    if (readConnections < 1 || readConnections > 64) {
      throw new IllegalArgumentException(
          "readConnections must be in 1..64, was " + readConnections);
    }
    if (maxGroup < 1) {
      throw new IllegalArgumentException("maxGroup must be >= 1, was " + maxGroup);
    }
  }

  /**
   * Returns the default options for a file: durable, 4 read connections, groups of 512, the
   * extensions on the class path.
   */
  public static SqliteStoreOptions at(Path path) {
    return new SqliteStoreOptions(
        path, true, 4, 512, TransactionHook.NONE, JdbcExtension.discovered());
  }

  /** Returns these options with durability on or off. */
  public SqliteStoreOptions withDurable(boolean durable) {
    return new SqliteStoreOptions(path, durable, readConnections, maxGroup, hook, extensions);
  }

  /** Returns these options with another number of read connections. */
  public SqliteStoreOptions withReadConnections(int readConnections) {
    return new SqliteStoreOptions(path, durable, readConnections, maxGroup, hook, extensions);
  }

  /** Returns these options with another maximum group size. */
  public SqliteStoreOptions withMaxGroup(int maxGroup) {
    return new SqliteStoreOptions(path, durable, readConnections, maxGroup, hook, extensions);
  }

  /** Returns these options with a transaction hook. */
  public SqliteStoreOptions withHook(TransactionHook hook) {
    return new SqliteStoreOptions(path, durable, readConnections, maxGroup, hook, extensions);
  }

  /**
   * Returns these options with exactly these store extensions installed, in this order, instead of
   * the discovered ones (add to {@link JdbcExtension#discovered()} to keep those).
   */
  public SqliteStoreOptions withExtensions(List<JdbcExtension> extensions) {
    return new SqliteStoreOptions(path, durable, readConnections, maxGroup, hook, extensions);
  }
}
