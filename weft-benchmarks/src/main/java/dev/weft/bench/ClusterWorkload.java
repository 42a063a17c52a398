package dev.weft.bench;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The sequential workload (N concurrent workflows of K no-op activities) served by P node processes
 * sharing one PostgreSQL database. The bench process only starts the workflows (through an engine
 * that serves no queue) and awaits their results. Nodes are started and warmed up by a first round
 * of the same size, and only the second round is measured ({@code wall_s}): each node is a JVM
 * whose JIT compiles the hot paths during its first tens of thousands of steps, and with several
 * JVMs on a few cores, a shorter warm-up measures their compilers more than Weft.
 */
final class ClusterWorkload implements Workload {
  /** Connections one store holds: 4 for reads (the default), the writer and the listener. */
  static final int CONNECTIONS_PER_NODE = 4 + 2;

  /** As many nodes as the embedded server's connections allow, next to the bench's own client. */
  static final int MAX_NODES =
      (BenchPostgres.MAX_CONNECTIONS - BenchPostgres.RESERVED_CONNECTIONS - CONNECTIONS_PER_NODE)
          / CONNECTIONS_PER_NODE;

  private static final long READY_TIMEOUT_S = 120;
  private static final long STOP_TIMEOUT_S = 30;

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public String description() {
    return "sequential over P node processes on one PostgreSQL (--nodes, --workflows,"
        + " --activities)";
  }

  @Override
  public String defaultStore() {
    return "postgres";
  }

  @Override
  public void validate(BenchOptions options, String store) {
    if (!store.equals("postgres")) {
      throw new IllegalArgumentException(
          "the cluster workload needs --store postgres: a "
              + store
              + " store is owned by one process, so several nodes cannot share it");
    }
    int nodes = options.nodes(2);
    if (nodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "--nodes must be at most "
              + MAX_NODES
              + " (each node holds "
              + CONNECTIONS_PER_NODE
              + " of the embedded PostgreSQL's "
              + BenchPostgres.MAX_CONNECTIONS
              + " connections), was "
              + nodes);
    }
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int p = options.nodes(2);
    int n = options.workflows(2000);
    int k = options.activities(10);
    // the bench's engine opens the store first, so the schema exists before the nodes start
    try (WeftEngine client = env.startEngine("bench-client", e -> {})) {
      List<NodeProcess> nodes = new ArrayList<>(p);
      try {
        long t0 = System.nanoTime();
        for (int i = 1; i <= p; i++) {
          nodes.add(env.closeAtEnd(env.startNode("node-" + i)));
        }
        long deadline = t0 + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_S);
        for (NodeProcess node : nodes) {
          node.awaitReady(deadline);
        }
        int warmUp = n;
        round(client.client(), nodes, warmUp, k);
        env.say(
            "  "
                + p
                + " nodes started and warmed up ("
                + warmUp
                + " workflows) in "
                + (System.nanoTime() - t0) / 1_000_000
                + " ms");
        long[] before = activities(nodes);
        long start = System.nanoTime();
        long[] latencies = round(client.client(), nodes, n, k);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] after = activities(nodes);
        List<Long> perNode = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
          perNode.add(after[i] - before[i]);
        }
        stop(env, nodes);
        long steps = (long) n * k;
        return new Figures()
            .wallSeconds(seconds)
            .put("warmed_up", true)
            .put("nodes", p)
            .put("workflows", n)
            .put("activities", k)
            .put("steps", steps)
            .put("steps_per_s", steps / seconds)
            .put("workflow_p50_ms", Figures.percentileMillis(latencies, 50))
            .put("workflow_p99_ms", Figures.percentileMillis(latencies, 99))
            .put("node_activities", perNode);
      } finally {
        for (NodeProcess node : nodes) {
          node.close();
        }
      }
    }
  }

  /**
   * Runs the sequential workload's workflows through {@code client}; fails as soon as a node exits
   * (its workflows would wait for its leases to expire, or forever if every node is gone).
   */
  private static long[] round(WeftClient client, List<NodeProcess> nodes, int n, int k)
      throws Exception {
    CompletableFuture<long[]> round = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon(true)
        .name("weft-bench-round")
        .start(
            () -> {
              try {
                round.complete(SequentialWorkload.runWorkflows(client, n, k));
              } catch (Throwable t) {
                round.completeExceptionally(t);
              }
            });
    List<CompletableFuture<?>> ends = new ArrayList<>();
    ends.add(round);
    nodes.forEach(node -> ends.add(node.onExit()));
    CompletableFuture.anyOf(ends.toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
    for (NodeProcess node : nodes) {
      if (!round.isDone() && !node.isAlive()) {
        throw new IllegalStateException(node.describeEnd("during the run"));
      }
    }
    try {
      return round.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static long[] activities(List<NodeProcess> nodes) throws Exception {
    long[] counts = new long[nodes.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = nodes.get(i).activities();
    }
    return counts;
  }

  /** Stops every node at once, then waits for each; one that does not exit in time is killed. */
  private static void stop(BenchEnvironment env, List<NodeProcess> nodes)
      throws InterruptedException {
    nodes.forEach(NodeProcess::requestStop);
    for (NodeProcess node : nodes) {
      int exit = node.awaitExit(STOP_TIMEOUT_S);
      if (exit != 0) {
        env.say(
            "  "
                + node.nodeId()
                + (exit < 0 ? " did not stop in " + STOP_TIMEOUT_S + " s and was killed" : "")
                + (exit > 0 ? " exited with code " + exit : ""));
      }
    }
  }
}
