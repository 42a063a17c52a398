package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.assets.BackfillRequest;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * {@link SensorBackfillWorkflow}: one launch attempt, never retried by the engine, since a launch
 * whose completion was lost may have created its backfill and a second one would double it; a
 * failed launch fails this workflow, which the sensor's record shows.
 */
public final class SensorBackfill implements SensorBackfillWorkflow {
  private final BackfillLaunches launches =
      Workflow.newActivityStub(
          BackfillLaunches.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
              .build());

  @Override
  public String launch(BackfillRequest request) {
    return launches.launch(request);
  }
}
