package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Weft node in a child JVM ({@link NodeMain}) started with the test's classpath. Its output goes
 * to {@code <node>.out} in the test's directory; readiness is its {@code READY} line. It can be
 * killed (SIGKILL), paused (SIGSTOP) and resumed (SIGCONT).
 */
final class NodeProcess {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final String nodeId;
  private final Path directory;
  private final Process process;

  private NodeProcess(String nodeId, Path directory, Process process) {
    this.nodeId = nodeId;
    this.directory = directory;
    this.process = process;
  }

  /** Starts the node's JVM (without waiting for it to be ready). */
  static NodeProcess start(String nodeId, String jdbcUrl, String schema, Path directory) {
    return start(nodeId, jdbcUrl, schema, directory, List.of());
  }

  /**
   * Starts the node's JVM with extra JVM options (system properties that {@link NodeMain} reads),
   * without waiting for it to be ready.
   */
  static NodeProcess start(
      String nodeId, String jdbcUrl, String schema, Path directory, List<String> jvmOptions) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            classpath,
            NodeMain.class.getName(),
            jdbcUrl,
            schema,
            nodeId,
            directory.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(directory.resolve(nodeId + ".out").toFile());
    try {
      return new NodeProcess(nodeId, directory, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + nodeId, e);
    }
  }

  String nodeId() {
    return nodeId;
  }

  long pid() {
    return process.pid();
  }

  /** Waits until the node printed {@code READY}; fails with its output if it died first. */
  void awaitReady() {
    await("node " + nodeId + " ready")
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "node " + nodeId + " exited with " + process.exitValue() + ":\n" + output());
              }
              return output().contains("READY " + nodeId);
            });
  }

  /** SIGKILL: the node dies at once, in the middle of whatever it was doing. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + nodeId + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGSTOP: the node freezes, holding its leases, connections and open transactions. */
  void pause() {
    signal("STOP");
  }

  /** SIGCONT: the node goes on from where it was frozen. */
  void resume() {
    signal("CONT");
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the node however it is (a paused node too); for cleanup. */
  void destroy() {
    if (process.isAlive()) {
      kill();
    }
  }

  /**
   * Writes a dump of every thread of the node, virtual threads included, to {@code
   * <node>-threads-<n>.txt} in the test's directory (kept with the logs), for a test that found the
   * node stuck.
   *
   * @return the dump's file
   */
  Path dumpThreads() {
    Path file;
    int n = 1;
    do {
      file = directory.resolve(nodeId + "-threads-" + n++ + ".txt");
    } while (Files.exists(file));
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid()),
                  "Thread.dump_to_file",
                  file.toString())
              .redirectErrorStream(true)
              .start();
      jcmd.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return file;
  }

  /** The activity executions this node journaled so far. */
  List<Execution> executions() {
    return ExecutionJournal.read(directory, nodeId);
  }

  /** Everything the node printed so far. */
  String output() {
    try {
      Path file = directory.resolve(nodeId + ".out");
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
