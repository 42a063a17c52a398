package dev.weft.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The one PostgreSQL server of the test JVM, from the embedded binaries, on a fixed port and data
 * directory so that it can be stopped and started again as the same database (the nodes keep their
 * URL). Each test gets its own schema. {@link #shutDown()} stops it and deletes its files; a later
 * test starts a new one.
 */
final class ClusterPostgres {
  private static final AtomicInteger schemas = new AtomicInteger();
  private static Path dataDirectory;
  private static int port;
  private static EmbeddedPostgres server;
  private static boolean hookInstalled;

  private ClusterPostgres() {}

  /** The JDBC URL of the {@code postgres} database as the superuser, starting the server if new. */
  static synchronized String jdbcUrl() {
    if (dataDirectory == null) {
      try {
        dataDirectory = Files.createTempDirectory("weft-cluster-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
          port = socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      start();
      if (!hookInstalled) {
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(ClusterPostgres::shutDown));
      }
    }
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Returns a new schema name, unique in this JVM. */
  static String newSchema(String prefix) {
    return prefix + "_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
  }

  /** Stops the server (fast shutdown: every connection drops); its data stays. */
  static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
      }
      server = null;
    }
  }

  /** Starts the server again on the same data directory and port. */
  static synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL on port " + port, e);
    }
  }

  /** Stops the server and deletes its data directory. */
  static synchronized void shutDown() {
    if (dataDirectory == null) {
      return;
    }
    try {
      stop();
    } finally {
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary directory; the OS cleans it eventually
      }
      dataDirectory = null;
    }
  }
}
