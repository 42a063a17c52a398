package dev.weft.bench;

import dev.weft.cli.StoreKind;
import dev.weft.cli.StoreLocation;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a workload runs against: a temporary directory, its store (a SQLite file or a PostgreSQL
 * database, durable, with the settings a user gets by default), the output for progress lines, and
 * what to clean up whatever happens (child processes), and the CPU clock of a store server running
 * in other processes (the embedded PostgreSQL), if any.
 */
public final class BenchEnvironment {
  private static final String NODE_ID = "bench";

  private final Path dir;
  private final StoreLocation store;
  private final PrintStream out;
  private final NodeLauncher nodes;
  private final Cleanup cleanup;
  private final Optional<ProcessTreeCpu> serverCpu;

  BenchEnvironment(
      Path dir,
      StoreLocation store,
      PrintStream out,
      NodeLauncher nodes,
      Cleanup cleanup,
      Optional<ProcessTreeCpu> serverCpu) {
    this.dir = dir;
    this.store = store;
    this.out = out;
    this.nodes = nodes;
    this.cleanup = cleanup;
    this.serverCpu = serverCpu;
  }

  /** Returns the temporary directory of this run. */
  public Path dir() {
    return dir;
  }

  /** Returns the store kind. */
  public StoreKind storeKind() {
    return store.kind();
  }

  /** Returns where the store is, for child processes. */
  StoreLocation store() {
    return store;
  }

  /**
   * Returns the CPU time used so far by the store's server processes (the embedded PostgreSQL), in
   * nanoseconds; empty for SQLite (it runs inside this process) or where {@code /proc} cannot be
   * read.
   */
  OptionalLong serverCpuNanos() {
    return serverCpu.isEmpty() ? OptionalLong.empty() : serverCpu.get().nanos();
  }

  /** Prints a progress line. */
  public void say(String line) {
    out.println(line);
  }

  /** Opens the store of this run (the same one each time, so a restart sees earlier work). */
  public Store openStore() {
    return open(store, NODE_ID);
  }

  /**
   * Opens {@code store} with the settings a user gets by default (durable); a PostgreSQL store gets
   * its schema if the database is empty, and names this process {@code nodeId} among the nodes.
   */
  static Store open(StoreLocation store, String nodeId) {
    return store.open(StoreLocation.OpenOptions.node(nodeId).withMigrate(true));
  }

  /** Builds and starts an engine on this run's store with default settings. */
  public WeftEngine startEngine(Consumer<WeftEngine> setup) {
    return startEngine(NODE_ID, setup);
  }

  /** Builds and starts an engine named {@code nodeId} on this run's store with default settings. */
  WeftEngine startEngine(String nodeId, Consumer<WeftEngine> setup) {
    Store opened = open(store, nodeId);
    WeftEngine engine;
    try {
      engine = WeftEngine.builder().store(opened).nodeId(nodeId).build();
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    try {
      setup.accept(engine);
      engine.start();
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** Starts a node process of the cluster workload on this run's store. */
  NodeProcess startNode(String nodeId) throws IOException {
    return NodeProcess.start(nodes, store, nodeId, this::say);
  }

  /**
   * Registers a resource (a child process) to close when the run ends, even if it fails or the JVM
   * is stopped; returns it.
   */
  <T extends AutoCloseable> T closeAtEnd(T resource) {
    return cleanup.add(resource);
  }
}
