package dev.weft.cluster;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the steps on the cluster's queue, with the timer after the middle step unless {@code
 * sleepMillis} is 0; attempts that time out are retried quickly.
 */
public final class PipelineWorkflowImpl implements PipelineWorkflow {
  private static final ActivityOptions STEP_OPTIONS =
      ActivityOptions.newBuilder()
          .startToCloseTimeout(ClusterSettings.ACTIVITY_START_TO_CLOSE)
          .retryPolicy(
              RetryPolicy.newBuilder()
                  .initialInterval(Duration.ofMillis(200))
                  .maximumInterval(Duration.ofSeconds(1))
                  .build())
          .build();

  @Override
  public String run(int steps, int workMillis, long sleepMillis) {
    Step step = Workflow.newActivityStub(Step.class, STEP_OPTIONS);
    String workflowId = Workflow.getInfo().workflowId();
    List<String> results = new ArrayList<>();
    for (int i = 1; i <= steps; i++) {
      results.add(step.step(workflowId, i, workMillis));
      if (sleepMillis > 0 && i == (steps + 1) / 2) {
        Workflow.sleep(Duration.ofMillis(sleepMillis));
      }
    }
    return String.join(",", results);
  }
}
