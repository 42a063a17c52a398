package dev.weft.examples.assets.blocks;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/** {@link ReorgWorkflow}: one activity on the node, not retried (a re-org happens once). */
public final class SimulatedReorg implements ReorgWorkflow {
  private final ChainNodeActivities node =
      Workflow.newActivityStub(
          ChainNodeActivities.class,
          ActivityOptions.newBuilder()
              .taskQueue(TASK_QUEUE)
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
              .build());

  @Override
  public String reorg(int depth) {
    return node.reorgAndObserve(depth);
  }
}
