package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Three (or more) Weft nodes in child JVMs on one PostgreSQL schema, and the test's own client on
 * the same schema. The client's engine is never started: the test JVM starts workflows and reads
 * results, but runs no workflow code, activities or timers; the nodes do all the work.
 */
final class Cluster implements AutoCloseable {
  private final Path directory;
  private final String schema;
  private final WeftEngine driver;
  private final List<NodeProcess> nodes = new ArrayList<>();

  private Cluster(Path directory, String schema, WeftEngine driver) {
    this.directory = directory;
    this.schema = schema;
    this.driver = driver;
  }

  /**
   * Creates a fresh schema, opens the test's client on it, starts {@code size} nodes named {@code
   * node-1...} and waits until all of them are ready.
   */
  static Cluster start(Path directory, String name, int size) {
    return start(directory, name, size, List.of());
  }

  /**
   * As {@link #start(Path, String, int)}, each node's JVM started with {@code nodeJvmOptions}
   * (system properties {@link NodeMain} reads).
   */
  static Cluster start(Path directory, String name, int size, List<String> nodeJvmOptions) {
    String url = ClusterPostgres.jdbcUrl();
    String schema = ClusterPostgres.newSchema(name);
    PostgresStore store =
        PostgresStore.open(
            PostgresStoreOptions.of(url).schema(schema).nodeId("test-driver").readConnections(8));
    Cluster cluster =
        new Cluster(
            directory, schema, WeftEngine.builder().store(store).nodeId("test-driver").build());
    try {
      for (int i = 1; i <= size; i++) {
        cluster.nodes.add(NodeProcess.start("node-" + i, url, schema, directory, nodeJvmOptions));
      }
      cluster.nodes.forEach(NodeProcess::awaitReady);
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  WeftClient client() {
    return driver.client();
  }

  /**
   * The test's own engine, never started, for registering the workflows whose queries its client
   * answers by replay.
   */
  WeftEngine driver() {
    return driver;
  }

  /** Starts sampling the cluster's progress and lock waits once a second. */
  ClusterWatch watch() {
    return ClusterWatch.start(schema);
  }

  /** Node {@code number}, counting from 1 as in its name. */
  NodeProcess node(int number) {
    return nodes.get(number - 1);
  }

  List<NodeProcess> nodes() {
    return List.copyOf(nodes);
  }

  long completed() {
    return client().countWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.COMPLETED));
  }

  /**
   * Waits until {@code expected} workflows completed; on timeout fails with what the runs and the
   * nodes look like.
   */
  void awaitCompleted(int expected, Duration atMost) {
    try {
      await("all " + expected + " workflows completed")
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> completed() >= expected);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + diagnosis(), e);
    }
  }

  /** Copies the nodes' output, journals and thread dumps to {@code target/cluster-logs}. */
  private void keepLogs() {
    Path logs = Path.of(System.getProperty("basedir", "."), "target", "cluster-logs", schema);
    try (Stream<Path> files = Files.list(directory)) {
      Files.createDirectories(logs);
      for (Path file : files.toList()) {
        Files.copy(file, logs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.err.println("cannot keep the nodes' logs in " + logs + ": " + e);
    }
  }

  /** Runs by status, a few running ones described, and the end of each node's output. */
  String diagnosis() {
    StringBuilder text = new StringBuilder();
    Map<WorkflowStatus, Long> counts = new EnumMap<>(WorkflowStatus.class);
    for (WorkflowStatus status : WorkflowStatus.values()) {
      counts.put(status, client().countWorkflows(WorkflowFilter.all().withStatus(status)));
    }
    text.append("runs by status: ").append(counts).append('\n');
    List<WorkflowSummary> running =
        client()
            .listWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING).withPageSize(3))
            .workflows();
    for (WorkflowSummary run : running) {
      text.append("  ")
          .append(client().getHandle(run.workflowId(), run.runId()).describe())
          .append('\n');
    }
    for (NodeProcess node : nodes) {
      String out = node.output();
      text.append("--- ")
          .append(node.nodeId())
          .append(node.isAlive() ? " (alive)" : " (dead)")
          .append(", last output:\n")
          .append(out, Math.max(0, out.length() - 4000), out.length())
          .append('\n');
    }
    return text.toString();
  }

  /**
   * Kills every node (paused ones too), keeps their output in {@code target/cluster-logs/<schema>}
   * and closes the test's client.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (NodeProcess node : nodes) {
      try {
        node.destroy();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    keepLogs();
    driver.close();
    if (failure != null) {
      throw failure;
    }
  }
}
