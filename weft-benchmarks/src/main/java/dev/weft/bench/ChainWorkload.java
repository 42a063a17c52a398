package dev.weft.bench;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Optional;

/**
 * One workflow of L dependent activities; a hop is the time from the return of one activity to the
 * start of the next (the engine's latency for one durable step).
 */
final class ChainWorkload implements Workload {

  @ActivityInterface
  public interface Hops {
    void hop(int index);
  }

  @WorkflowInterface
  public interface Chain {
    @WorkflowMethod
    int run(int length);
  }

  /** L dependent activities. */
  public static final class ChainWorkflow implements Chain {
    private final Hops hops =
        Workflow.newActivityStub(
            Hops.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());

    @Override
    public int run(int length) {
      for (int i = 0; i < length; i++) {
        hops.hop(i);
      }
      return length;
    }
  }

  /** Records when each hop starts and returns. */
  static final class TimedHops implements Hops {
    final long[] started;
    final long[] returned;

    TimedHops(int length) {
      started = new long[length];
      returned = new long[length];
    }

    @Override
    public void hop(int index) {
      started[index] = System.nanoTime();
      returned[index] = System.nanoTime();
    }
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(10, 1, 1, 1_000));
  }

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public String description() {
    return "one workflow of L dependent activities; hop = one returns to the next starts (--length)";
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int length = options.length(1_000);
    TimedHops hops = new TimedHops(length);
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(SequentialWorkload.QUEUE)
                    .registerWorkflow(Chain.class, ChainWorkflow::new)
                    .registerActivities(hops))) {
      Chain stub =
          engine
              .client()
              .newWorkflowStub(
                  Chain.class,
                  WorkflowOptions.newBuilder().taskQueue(SequentialWorkload.QUEUE).build());
      stub.run(length);
    }
    long[] gaps = new long[Math.max(0, length - 1)];
    for (int i = 1; i < length; i++) {
      gaps[i - 1] = hops.started[i] - hops.returned[i - 1];
    }
    return new Figures()
        .put("length", length)
        .put("hop_p50_ms", Figures.percentileMillis(gaps, 50))
        .put("hop_p99_ms", Figures.percentileMillis(gaps, 99))
        .put("hop_max_ms", Figures.percentileMillis(gaps, 100));
  }
}
