package dev.weft.bench;

import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Latency from a client's start call to the first line of the workflow running, one at a time. */
final class StartWorkload implements Workload {
  /** Workflow ID to the moment its first line ran (a probe outside workflow determinism). */
  static final Map<String, CompletableFuture<Long>> FIRST_LINE = new ConcurrentHashMap<>();

  @WorkflowInterface
  public interface Started {
    @WorkflowMethod
    void run();
  }

  /** Notes when its first line runs. */
  public static final class StartedWorkflow implements Started {
    @Override
    public void run() {
      long now = System.nanoTime();
      CompletableFuture<Long> probe = FIRST_LINE.get(Workflow.getInfo().workflowId());
      if (probe != null) {
        probe.complete(now);
      }
    }
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(10, 1_000, 1, 1));
  }

  @Override
  public String name() {
    return "start";
  }

  @Override
  public String description() {
    return "client start to the workflow's first line running, one at a time (--workflows)";
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(1_000);
    long[] latencies = new long[n];
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(SequentialWorkload.QUEUE)
                    .registerWorkflow(Started.class, StartedWorkflow::new))) {
      for (int i = 0; i < n; i++) {
        String id = "start-" + i;
        CompletableFuture<Long> probe = new CompletableFuture<>();
        FIRST_LINE.put(id, probe);
        Started stub =
            engine
                .client()
                .newWorkflowStub(
                    Started.class,
                    WorkflowOptions.newBuilder()
                        .taskQueue(SequentialWorkload.QUEUE)
                        .workflowId(id)
                        .build());
        long t0 = System.nanoTime();
        engine.client().start(stub::run);
        latencies[i] = probe.get(30, TimeUnit.SECONDS) - t0;
        FIRST_LINE.remove(id);
      }
    }
    return new Figures()
        .put("workflows", n)
        .put("start_p50_ms", Figures.percentileMillis(latencies, 50))
        .put("start_p99_ms", Figures.percentileMillis(latencies, 99));
  }
}
