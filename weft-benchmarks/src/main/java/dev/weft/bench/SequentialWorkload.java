package dev.weft.bench;

import dev.weft.activity.ActivityOptions;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** N concurrent workflows, each K sequential no-op activities: the engine's step throughput. */
final class SequentialWorkload implements Workload {
  static final String QUEUE = "bench";

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
    return "N concurrent workflows, each K sequential no-op activities (--workflows, --activities)";
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(2000);
    int k = options.activities(10);
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(QUEUE)
                    .registerWorkflow(Steps.class, StepsWorkflow::new)
                    .registerActivities(new Noop()))) {
      long start = System.nanoTime();
      long[] latencies = runWorkflows(engine.client(), n, k);
      double seconds = (System.nanoTime() - start) / 1e9;
      long steps = (long) n * k;
      return new Figures()
          .put("workflows", n)
          .put("activities", k)
          .put("steps", steps)
          .put("steps_per_s", steps / seconds)
          .put("workflow_p50_ms", Figures.percentileMillis(latencies, 50))
          .put("workflow_p99_ms", Figures.percentileMillis(latencies, 99));
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
}
