package dev.weft.bench;

import dev.weft.cli.StoreKind;
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

  /**
   * The nodes count as warmed up once they spend at most this share of a round compiling (the
   * compilers' wall time, summed over nodes, against the round's wall time times the node count).
   * At 15% (the first threshold) the measured round still spent about a tenth of the nodes' CPU
   * compiling, on two cores shared with the database: 6,518-6,573 steps/s at P=3 against
   * 7,155-7,287 with this threshold, in one sitting (2026-11-22). The C2 compiler still finds new
   * hot methods after ten rounds of 20,000 steps.
   */
  static final double SETTLED_JIT_SHARE = 0.05;

  /** Warm-up rounds at most, settled or not. */
  static final int MAX_WARMUP_ROUNDS = 25;

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
  public StoreKind defaultStore() {
    return StoreKind.POSTGRES;
  }

  @Override
  public void validate(BenchOptions options, StoreKind store) {
    refuseClients(options);
    if (store != StoreKind.POSTGRES) {
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
        int rounds = warmUp(env, client.client(), nodes, n, k);
        env.say(
            "  "
                + p
                + " nodes started and warmed up ("
                + rounds
                + (rounds == 1 ? " round" : " rounds")
                + " of "
                + n
                + " workflows) in "
                + (System.nanoTime() - t0) / 1_000_000
                + " ms");
        List<NodeCounts> before = counts(nodes);
        long start = System.nanoTime();
        long[] latencies = round(client.client(), nodes, n, k);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<NodeCounts> after = counts(nodes);
        List<Long> perNode = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
          perNode.add(after.get(i).activities() - before.get(i).activities());
        }
        double jitShare = jitShare(before, after, seconds);
        stop(env, nodes);
        long steps = (long) n * k;
        return new Figures()
            .wallSeconds(seconds)
            .put("warmed_up", true)
            .put("warmup_rounds", rounds)
            .put("nodes", p)
            .put("workflows", n)
            .put("activities", k)
            .put("steps", steps)
            .put("steps_per_s", steps / seconds)
            .put("workflow_p50_ms", Figures.percentileMillis(latencies, 50))
            .put("workflow_p99_ms", Figures.percentileMillis(latencies, 99))
            .put("node_activities", perNode)
            .put("node_jit_share", Math.round(jitShare * 1000) / 1000.0);
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

  /**
   * Warms the nodes up with rounds of the measured size until their JIT compilers have settled:
   * until, in the last round, the nodes spent at most {@link #SETTLED_JIT_SHARE} of their time
   * compiling (or after {@link #MAX_WARMUP_ROUNDS}). Returns the number of rounds.
   */
  private static int warmUp(
      BenchEnvironment env, WeftClient client, List<NodeProcess> nodes, int n, int k)
      throws Exception {
    int rounds = 0;
    while (true) {
      List<NodeCounts> before = counts(nodes);
      long start = System.nanoTime();
      round(client, nodes, n, k);
      double seconds = (System.nanoTime() - start) / 1e9;
      rounds++;
      double share = jitShare(before, counts(nodes), seconds);
      env.say(
          String.format(
              "  warm-up round %d: %.0f steps/s, nodes compiling %.0f%% of the time",
              rounds, (double) n * k / seconds, share * 100));
      if (share <= SETTLED_JIT_SHARE || rounds >= MAX_WARMUP_ROUNDS) {
        return rounds;
      }
    }
  }

  /**
   * The share of the nodes' time their JIT compilers spent between two answers {@code seconds}
   * apart (compilation time is wall time of the compiler threads, summed over nodes), or 0 if a
   * node does not say.
   */
  private static double jitShare(List<NodeCounts> before, List<NodeCounts> after, double seconds) {
    long millis = 0;
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).jitMillis() < 0 || after.get(i).jitMillis() < 0) {
        return 0;
      }
      millis += after.get(i).jitMillis() - before.get(i).jitMillis();
    }
    return millis / 1000.0 / seconds / before.size();
  }

  private static List<NodeCounts> counts(List<NodeProcess> nodes) throws Exception {
    List<NodeCounts> counts = new ArrayList<>(nodes.size());
    for (NodeProcess node : nodes) {
      counts.add(node.counts());
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
