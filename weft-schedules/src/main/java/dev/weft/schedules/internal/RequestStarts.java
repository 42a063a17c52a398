package dev.weft.schedules.internal;

import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.TriggerResult;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a sensor's requests from its workflow through the trigger activity ({@link
 * TriggerActivities}) with the workflow ID {@code <sensor>:<dedupeKey>}: idempotent, so a repeated
 * start names the existing run. Transient failures are retried by the engine; an action that cannot
 * run as defined fails at once and is recorded with its error.
 */
final class RequestStarts {
  private final TriggerActivities actions =
      TriggerStubs.stub(
          TriggerActivities.class,
          TriggerActivities.START_TO_CLOSE,
          RetryPolicy.newBuilder()
              .maximumAttempts(5)
              .maximumInterval(Duration.ofMinutes(1))
              .build());

  /** Runs {@code request} of sensor {@code name}, evaluated at {@code at}. */
  SensorRequestOutcome start(String name, RunRequest request, Instant at) {
    String id = SensorWorkflow.requestId(name, request.dedupeKey());
    try {
      TriggerResult result = actions.run(request.action(), id, at);
      return new SensorRequestOutcome(
          request.dedupeKey(), result.workflowId(), result.runId(), result.outcome(), null);
    } catch (ActivityFailure e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new SensorRequestOutcome(request.dedupeKey(), id, null, null, cause.getMessage());
    }
  }
}
