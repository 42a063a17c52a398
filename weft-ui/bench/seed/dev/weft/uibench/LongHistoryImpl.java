package dev.weft.uibench;

import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.ActivityStub;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The implementation of {@link LongHistory}. */
public final class LongHistoryImpl implements LongHistory {
  /** Activities started together per round. */
  private static final int PARALLEL = 50;

  private final ActivityStub activities =
      Workflow.newUntypedActivityStub(
          ActivityOptions.newBuilder()
              .taskQueue(UiBenchApp.QUEUE)
              .startToCloseTimeout(Duration.ofMinutes(1))
              .build());

  /** The pings received (the benchmark only looks at their events). */
  private int pings;

  @Override
  public void fill(int events) {
    int round = 0;
    // each round: PARALLEL scheduled and completed activities, a timer (started and fired), and
    // the workflow tasks between them
    while (Workflow.getInfo().getHistoryLength() < events) {
      List<Promise<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        calls.add(activities.executeAsync("Noop", Integer.class, round * PARALLEL + i));
      }
      Promise.allOf(calls).get();
      Workflow.sleep(Duration.ofMillis(1), "round " + round);
      round++;
    }
    Workflow.await(() -> false);
  }

  @Override
  public void ping(int n) {
    pings++;
  }
}
