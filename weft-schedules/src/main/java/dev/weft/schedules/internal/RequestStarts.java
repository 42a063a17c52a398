package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts a sensor's requests from its workflow through the trigger actions activity, with the
 * workflow ID {@code <sensor>:<dedupeKey>}: idempotent, so a repeated start names the existing run.
 */
final class RequestStarts {
  private final TriggerActions actions =
      Workflow.newActivityStub(
          TriggerActions.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .maximumAttempts(5)
                      .maximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  /** Starts {@code request} of sensor {@code name}, evaluated at {@code at}. */
  SensorRequestOutcome start(String name, RunRequest request, Instant at) {
    String id = SensorWorkflow.requestId(name, request.dedupeKey());
    try {
      TriggerActions.TriggerOutcome outcome = actions.run(request.action(), id, at);
      return new SensorRequestOutcome(
          request.dedupeKey(),
          id,
          outcome.existing() ? SensorRequestOutcome.ALREADY_STARTED : SensorRequestOutcome.STARTED,
          null);
    } catch (ActivityFailure e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new SensorRequestOutcome(
          request.dedupeKey(), id, SensorRequestOutcome.FAILED, cause.getMessage());
    }
  }
}
