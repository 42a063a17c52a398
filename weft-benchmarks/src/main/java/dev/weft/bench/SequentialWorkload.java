package dev.weft.bench;

import dev.weft.activity.ActivityOptions;
import dev.weft.cli.StoreKind;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * N workflows, each K sequential no-op activities: the engine's step throughput, in two shapes on
 * the same engine and store, one after the other.
 *
 * <ul>
 *   <li>All at once (today's keys: {@code steps_per_s}, {@code workflow_p50_ms}, ...): the N
 *       workflows are started together and awaited.
 *   <li>Closed loop ({@code --clients C}, default {@value #CLIENTS}; keys ending in {@code
 *       _clients}): C clients, each starting a workflow and awaiting its result before it starts
 *       the next, until N workflows ran. This is how the durable peers are measured ({@code
 *       peers/side-by-side.sh}: one platform thread per client, as there).
 * </ul>
 *
 * <p>Each shape also reports {@code cpu_ms_per_step}: this process's CPU time over the phase
 * (engine, store writer and the bench's own clients; the warm-up excluded) divided by N x K. With
 * {@code --store postgres} the server runs in other processes, which this figure leaves out: their
 * CPU (read from {@code /proc} on Linux, in clock ticks of 10 ms) is {@code server_cpu_ms_per_step}
 * (and {@code _clients}).
 */
final class SequentialWorkload implements Workload {
  static final String QUEUE = "bench";

  /** Closed-loop clients when {@code --clients} is not given: the peers' C. */
  static final int CLIENTS = 64;

  @WorkflowInterface
  public interface Steps {
    @WorkflowMethod
    int run(int activities);
  }

  /** K sequential no-op activities. */
  public static final class StepsWorkflow implements Steps {
    private final NoopActivities noop =
        Workflow.newActivityStub(
            NoopActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());

    @Override
    public int run(int activities) {
      for (int i = 0; i < activities; i++) {
        noop.noop();
      }
      return activities;
    }
  }

  /** No-op activities. */
  static final class Noop implements NoopActivities {
    @Override
    public void noop() {}

    @Override
    public int echo(int value) {
      return value;
    }
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(10, 2000, 10, 1));
  }

  @Override
  public String name() {
    return "sequential";
  }

  @Override
  public String description() {
    return "N workflows, each K sequential no-op activities, all at once, then by C closed-loop"
        + " clients (--workflows, --activities, --clients)";
  }

  @Override
  public void validate(BenchOptions options, StoreKind store) {
    if (options.nodes() != null) {
      throw new IllegalArgumentException(
          "--nodes applies to the cluster workload only; " + name() + " runs one engine");
    }
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(2000);
    int k = options.activities(10);
    int clients = options.clients(CLIENTS);
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(QUEUE)
                    .registerWorkflow(Steps.class, StepsWorkflow::new)
                    .registerActivities(new Noop()))) {
      WeftClient client = engine.client();
      Phase allAtOnce = Phase.measure(env, () -> runWorkflows(client, n, k));
      Phase closedLoop = Phase.measure(env, () -> runClosedLoop(client, n, k, clients));
      long steps = (long) n * k;
      Figures figures =
          new Figures()
              .put("workflows", n)
              .put("activities", k)
              .put("steps", steps)
              .put("steps_per_s", steps / allAtOnce.seconds())
              .put("workflow_p50_ms", Figures.percentileMillis(allAtOnce.latencies(), 50))
              .put("workflow_p99_ms", Figures.percentileMillis(allAtOnce.latencies(), 99))
              .put("cpu_ms_per_step", ProcessCpu.millisPerStep(allAtOnce.cpuNanos(), steps))
              .put("clients", clients)
              .put("steps_per_s_clients", steps / closedLoop.seconds())
              .put("workflow_p50_ms_clients", Figures.percentileMillis(closedLoop.latencies(), 50))
              .put("workflow_p99_ms_clients", Figures.percentileMillis(closedLoop.latencies(), 99))
              .put(
                  "cpu_ms_per_step_clients",
                  ProcessCpu.millisPerStep(closedLoop.cpuNanos(), steps));
      allAtOnce
          .serverCpuMillisPerStep(steps)
          .ifPresent(ms -> figures.put("server_cpu_ms_per_step", ms));
      closedLoop
          .serverCpuMillisPerStep(steps)
          .ifPresent(ms -> figures.put("server_cpu_ms_per_step_clients", ms));
      return figures;
    }
  }

  /**
   * One measured phase: each workflow's time from its start call to its result (nanoseconds), the
   * phase's wall time, this process's CPU time over it, and the store server's (PostgreSQL's
   * processes) if it runs apart and can be read.
   */
  private record Phase(
      long[] latencies, double seconds, long cpuNanos, OptionalLong serverCpuNanos) {
    static Phase measure(BenchEnvironment env, Supplier<long[]> workflows) {
      OptionalLong serverBefore = env.serverCpuNanos();
      long cpu = ProcessCpu.nanos();
      long start = System.nanoTime();
      long[] latencies = workflows.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpuNanos = ProcessCpu.nanos() - cpu;
      OptionalLong serverAfter = env.serverCpuNanos();
      OptionalLong server =
          serverBefore.isPresent() && serverAfter.isPresent()
              ? OptionalLong.of(serverAfter.getAsLong() - serverBefore.getAsLong())
              : OptionalLong.empty();
      return new Phase(latencies, seconds, cpuNanos, server);
    }

    Optional<Double> serverCpuMillisPerStep(long steps) {
      return serverCpuNanos.isPresent()
          ? Optional.of(ProcessCpu.millisPerStep(serverCpuNanos.getAsLong(), steps))
          : Optional.empty();
    }
  }

  /**
   * Starts {@code n} workflows of {@code k} activities at once through {@code client} and waits for
   * all of them; returns each one's time from its start call to its result, in nanoseconds.
   */
  static long[] runWorkflows(WeftClient client, int n, int k) {
    long[] latencies = new long[n];
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<Void>> all = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        all.add(
            CompletableFuture.runAsync(
                () -> {
                  long t0 = System.nanoTime();
                  Steps stub =
                      client.newWorkflowStub(
                          Steps.class, WorkflowOptions.newBuilder().taskQueue(QUEUE).build());
                  WorkflowHandle<Integer> h = client.start(stub::run, k);
                  h.getResult();
                  latencies[index] = System.nanoTime() - t0;
                },
                threads));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
    return latencies;
  }

  /**
   * Runs {@code n} workflows of {@code k} activities through {@code client} from {@code clients}
   * closed-loop clients (each starts a workflow and awaits its result before starting the next);
   * returns each one's time from its start call to its result, in nanoseconds.
   *
   * @throws IllegalStateException if a workflow returns another result than {@code k}
   */
  static long[] runClosedLoop(WeftClient client, int n, int k, int clients) {
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>(clients);
      for (int c = 0; c < clients; c++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    Steps stub =
                        client.newWorkflowStub(
                            Steps.class, WorkflowOptions.newBuilder().taskQueue(QUEUE).build());
                    int result = client.start(stub::run, k).getResult();
                    if (result != k) {
                      throw new IllegalStateException(
                          "a workflow of " + k + " activities returned " + result + ", not " + k);
                    }
                    latencies[i] = System.nanoTime() - t0;
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the clients ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
    } finally {
      threads.shutdownNow();
    }
    return latencies;
  }
}
