package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory, deleted with everything in it when closed.
 *
 * @param path the directory
 */
record TempDir(Path path) implements AutoCloseable {

  /** Creates a new temporary directory whose name starts with {@code prefix}. */
  static TempDir create(String prefix) throws IOException {
    return new TempDir(Files.createTempDirectory(prefix));
  }

  @Override
  public void close() throws IOException {
    delete(path);
  }

  /** Deletes a directory and everything in it; nothing if it does not exist. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Override
  public String toString() {
    return "temporary directory " + path;
  }
}
