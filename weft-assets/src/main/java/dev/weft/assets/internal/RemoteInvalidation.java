package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * {@link InvalidateWorkflow}: one activity, tried once (a failed catalog write wrote nothing, and
 * the caller, waiting for the answer, decides whether to try again).
 */
public final class RemoteInvalidation implements InvalidateWorkflow {
  private final InvalidateActivities activities =
      Workflow.newActivityStub(
          InvalidateActivities.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
              .build());

  @Override
  public InvalidateOutcome run(InvalidateRequest request) {
    return activities.invalidate(request);
  }
}
