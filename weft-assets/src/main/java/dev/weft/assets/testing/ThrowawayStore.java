package dev.weft.assets.testing;

import dev.weft.store.Store;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A SQLite store in a temporary directory, without fsync, deleted by {@link #delete()}. The only
 * class of the kit that names weft-store-sqlite, so a missing driver is reported clearly.
 */
final class ThrowawayStore {
  private final Path dir;

  private ThrowawayStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates the temporary directory.
   *
   * @throws IllegalStateException if weft-store-sqlite is not on the class path
   */
  static ThrowawayStore create() {
    try {
      Class.forName(
          "dev.weft.store.sqlite.SqliteStore", false, ThrowawayStore.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "AssetTesting runs on a SQLite store: add the dependency dev.weft:weft-store-sqlite"
              + " (test scope) to use it",
          e);
    }
    try {
      return new ThrowawayStore(Files.createTempDirectory("weft-asset-testing-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for AssetTesting", e);
    }
  }

  /** Opens the store (again: the same file each time, as after a restart). */
  Store open() {
    return SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false));
  }

  /** Deletes the directory and the store's files; the store must be closed. */
  void delete() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete AssetTesting's directory " + dir, e);
    }
  }
}
