package dev.weft.bench;

import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.workflow.ActivityStub;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One workflow starts M activities in parallel and awaits them all. */
final class FanoutWorkload implements Workload {

  @WorkflowInterface
  public interface FanOut {
    @WorkflowMethod
    long run(int activities);
  }

  /** Schedules every activity at once (promises, no extra workflow threads), then awaits all. */
  public static final class FanOutWorkflow implements FanOut {
    @Override
    public long run(int activities) {
      ActivityStub stub =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(5)).build());
      List<Promise<Integer>> results = new ArrayList<>(activities);
      for (int i = 0; i < activities; i++) {
        results.add(stub.executeAsync("Echo", Integer.class, i));
      }
      Promise.allOf(results).get();
      long sum = 0;
      for (Promise<Integer> p : results) {
        sum += p.get();
      }
      return sum;
    }
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(10, 1, 10_000, 1));
  }

  @Override
  public String name() {
    return "fanout";
  }

  @Override
  public String description() {
    return "one workflow starts M activities in parallel and awaits all (--activities)";
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int m = options.activities(10_000);
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(SequentialWorkload.QUEUE)
                    .registerWorkflow(FanOut.class, FanOutWorkflow::new)
                    .registerActivities(new SequentialWorkload.Noop()))) {
      FanOut stub =
          engine
              .client()
              .newWorkflowStub(
                  FanOut.class,
                  WorkflowOptions.newBuilder().taskQueue(SequentialWorkload.QUEUE).build());
      long start = System.nanoTime();
      WorkflowHandle<Long> h = engine.client().start(stub::run, m);
      long sum = h.getResult();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (sum != (long) m * (m - 1) / 2) {
        throw new IllegalStateException("fan-out results are wrong: sum " + sum);
      }
      return new Figures()
          .put("activities", m)
          .put("fanout_s", seconds)
          .put("steps_per_s", m / seconds);
    }
  }
}
