package dev.weft.bench;

import dev.weft.cli.StoreKind;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workflows started through the HTTP API by the Java HTTP client ({@link WeftClient#connect}) from
 * {@value #CLIENTS} concurrent callers, each a one-line workflow run by the engine behind the
 * server: start throughput, the latency of the start call, and the time until every run completed.
 * {@code --clients} sets the number of callers.
 */
final class ApiStartWorkload implements Workload {
  static final String QUEUE = "api-start";

  /**
   * Concurrent callers by default. Each waits for its start's commit (an fsync), so callers bound
   * throughput and queueing bounds latency: on the 2-core machine, 16 callers measured 3,616
   * starts/s at p99 11.5 ms, 32 callers 4,255/s at 20.7 ms, 64 callers 4,862/s at 28.5 ms (one
   * sitting, 2026-12-06, see docs/performance.md).
   */
  static final int CLIENTS = 16;

  @WorkflowInterface
  public interface Hello {
    @WorkflowMethod
    String hello(String name);
  }

  /** Returns at once. */
  public static final class HelloWorkflow implements Hello {
    @Override
    public String hello(String name) {
      return "hello " + name;
    }
  }

  @Override
  public String name() {
    return "api-start";
  }

  @Override
  public String description() {
    return "workflows started over the HTTP API by concurrent Java HTTP callers, each run to"
        + " completion (--workflows, --clients)";
  }

  @Override
  public void validate(BenchOptions options, StoreKind store) {
    if (options.nodes() != null) {
      throw new IllegalArgumentException(
          "--nodes applies to the cluster workload only; " + name() + " runs one engine");
    }
  }

  @Override
  public boolean warmsUpUntilSettled() {
    return true;
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(1, 10_000, 1, 1));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(10_000);
    int clients = options.clients(CLIENTS);
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    try (WeftEngine engine =
            env.startEngine(
                e -> e.newWorker(QUEUE).registerWorkflow(Hello.class, HelloWorkflow::new));
        WeftServer server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0))) {
      WeftClient client = WeftClient.connect(server.baseUri().toString(), null);
      long t0 = System.nanoTime();
      try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          done.add(
              callers.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                      long s = System.nanoTime();
                      client.start(
                          "Hello",
                          WorkflowOptions.newBuilder()
                              .workflowId("api-start-" + i)
                              .taskQueue(QUEUE)
                              .build(),
                          "w" + i);
                      latencies[i] = System.nanoTime() - s;
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      long started = System.nanoTime();
      WorkflowFilter completed = WorkflowFilter.query("Status = 'Completed'");
      long deadline = started + Duration.ofMinutes(5).toNanos();
      while (engine.client().countWorkflows(completed) < n) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the runs did not all complete within 5 minutes");
        }
        Thread.sleep(20);
      }
      long finished = System.nanoTime();
      double startSeconds = (started - t0) / 1e9;
      return new Figures()
          .put("workflows", n)
          .put("clients", clients)
          .put("starts_per_s", Math.round(n / startSeconds))
          .put("start_p50_ms", Figures.percentileMillis(latencies, 50))
          .put("start_p99_ms", Figures.percentileMillis(latencies, 99))
          .put("completed_per_s", Math.round(n / ((finished - t0) / 1e9)));
    }
  }
}
