package dev.weft.bench;

import dev.weft.cli.StoreLocation;
import dev.weft.engine.WeftEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node process of the cluster workload: an engine that serves the sequential workload's queue on
 * a shared store, driven by the bench over its standard input and output. Arguments: {@code <store>
 * <node-id>}.
 *
 * <p>Protocol, one line each: the node prints {@code READY <node-id>} once its engine runs; it
 * answers {@code count} with {@code COUNT <n> <jit-ms>} (the activities it has run, and the time
 * its JIT compilers have spent so far, -1 if the JVM does not say); on {@code stop}, or when its
 * standard input ends (the bench exited, however it exited), it closes its engine, prints {@code
 * STOPPED <node-id> <n>} and exits 0. Other lines (logs) are for people.
 */
public final class ClusterNode {
  static final String READY = "READY";
  static final String COUNT = "COUNT";
  static final String STOPPED = "STOPPED";

  private ClusterNode() {}

  /** No-op activities that count their executions. */
  private static final class CountingNoop implements NoopActivities {
    private final AtomicLong executed = new AtomicLong();

    @Override
    public void noop() {
      executed.incrementAndGet();
    }

    @Override
    public int echo(int value) {
      executed.incrementAndGet();
      return value;
    }
  }

  /** The time this JVM's JIT compilers have spent so far, in milliseconds, or -1. */
  static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  /** Runs a node; see the class description. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ClusterNode <store> <node-id>");
      System.exit(2);
    }
    System.exit(run(List.of(args), System.in, System.out));
  }

  /**
   * Runs a node until {@code in} says {@code stop} or ends, and returns its exit code.
   *
   * @param args the store (a SQLite path or a PostgreSQL JDBC URL) and the node ID
   * @throws dev.weft.store.StoreException if the store cannot be opened
   */
  public static int run(List<String> args, InputStream in, PrintStream out) throws IOException {
    StoreLocation store = StoreLocation.parse(args.get(0));
    String nodeId = args.get(1);
    CountingNoop noop = new CountingNoop();
    try (WeftEngine engine =
        WeftEngine.builder().store(BenchEnvironment.open(store, nodeId)).nodeId(nodeId).build()) {
      engine
          .newWorker(SequentialWorkload.QUEUE)
          .registerWorkflow(SequentialWorkload.Steps.class, SequentialWorkload.StepsWorkflow::new)
          .registerActivities(noop);
      engine.start();
      out.println(READY + " " + nodeId);
      out.flush();
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = commands.readLine();
          line != null && !line.equals("stop");
          line = commands.readLine()) {
        if (line.equals("count")) {
          out.println(COUNT + " " + noop.executed.get() + " " + compilationMillis());
          out.flush();
        }
      }
    }
    out.println(STOPPED + " " + nodeId + " " + noop.executed.get());
    out.flush();
    return 0;
  }
}
