package dev.weft.bench;

import dev.weft.cli.StoreLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A node process of the cluster workload as the bench sees it: started with a store and a node ID,
 * driven over its standard input, read from its standard output (see {@link ClusterNode} for the
 * protocol). A thread reads its output: protocol lines are answers, anything else (its logs) is
 * passed on, and the last lines are kept for error messages.
 *
 * <p>The node ends when its standard input ends, so it cannot outlive the bench even if the bench
 * is killed; {@link #close()} also kills it.
 */
final class NodeProcess implements AutoCloseable {
  private static final int TAIL_LINES = 20;
  private static final long ANSWER_TIMEOUT_S = 60;

  private final String nodeId;
  private final Process process;
  private final Writer commands;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final BlockingQueue<NodeCounts> answers = new LinkedBlockingQueue<>();
  private final Deque<String> tail = new ArrayDeque<>();
  private final Consumer<String> log;
  private final Thread reader;
  private volatile boolean killed;

  private NodeProcess(String nodeId, Process process, Consumer<String> log) {
    this.nodeId = nodeId;
    this.process = process;
    this.log = log;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.reader =
        Thread.ofPlatform().daemon(true).name("weft-bench-" + nodeId).start(this::readOutput);
  }

  /**
   * Starts a node.
   *
   * @param log receives the node's log lines, prefixed with its ID
   */
  static NodeProcess start(
      NodeLauncher launcher, StoreLocation store, String nodeId, Consumer<String> log)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(launcher.command(List.of(store.argument(), nodeId)));
    pb.redirectErrorStream(true);
    return new NodeProcess(nodeId, pb.start(), log);
  }

  String nodeId() {
    return nodeId;
  }

  private void readOutput() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(ClusterNode.READY + " ")) {
          ready.complete(null);
        } else if (line.startsWith(ClusterNode.COUNT + " ")) {
          answers.add(NodeCounts.parse(line.substring(ClusterNode.COUNT.length() + 1)));
        } else if (!line.startsWith(ClusterNode.STOPPED + " ")) {
          remember(line);
          if (!killed) {
            log.accept("  [" + nodeId + "] " + line);
          }
        }
      }
    } catch (IOException e) {
      remember("(output lost: " + e + ")");
    }
    ready.completeExceptionally(new IllegalStateException(describeEnd("before it was ready")));
  }

  private void remember(String line) {
    synchronized (tail) {
      if (tail.size() == TAIL_LINES) {
        tail.removeFirst();
      }
      tail.addLast(line);
    }
  }

  /** Completes when the node's process has exited. */
  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** Whether the node's process still runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Describes the node's end for an error message, with its last output lines. */
  String describeEnd(String when) {
    String code;
    try {
      code =
          process.waitFor(5, TimeUnit.SECONDS)
              ? "exited with code " + process.exitValue()
              : "closed its output";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = "closed its output";
    }
    synchronized (tail) {
      return nodeId
          + " "
          + code
          + " "
          + when
          + (tail.isEmpty() ? "" : "; its last lines:\n    " + String.join("\n    ", tail));
    }
  }

  /**
   * Waits until the node's engine runs.
   *
   * @throws IllegalStateException if it exits first or is not ready by {@code deadlineNanos}
   */
  void awaitReady(long deadlineNanos) throws InterruptedException {
    try {
      ready.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw (IllegalStateException) e.getCause();
    } catch (TimeoutException e) {
      throw new IllegalStateException(nodeId + " was not ready in time");
    }
  }

  /**
   * Returns how many activities the node has run, and how long its JIT has compiled so far.
   *
   * @throws IllegalStateException if it does not answer
   */
  NodeCounts counts() throws IOException, InterruptedException {
    send("count");
    NodeCounts count = answers.poll(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
    if (count == null) {
      throw new IllegalStateException(
          process.isAlive() ? nodeId + " did not answer in time" : describeEnd("while running"));
    }
    return count;
  }

  /** Asks the node to close its engine and exit. */
  void requestStop() {
    try {
      send("stop");
      commands.close();
    } catch (IOException alreadyGone) {
      // it exited: nothing to stop
    }
  }

  /**
   * Waits for the node to exit after {@link #requestStop()}, killing it after {@code timeoutS}.
   *
   * @return its exit code, or -1 if it had to be killed
   */
  int awaitExit(long timeoutS) throws InterruptedException {
    if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return -1;
    }
    reader.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  private void send(String command) throws IOException {
    synchronized (commands) {
      commands.write(command + "\n");
      commands.flush();
    }
  }

  /** Kills the node if it still runs; its last words are not passed on. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killed = true;
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return "node process " + nodeId + " (pid " + process.pid() + ")";
  }
}
