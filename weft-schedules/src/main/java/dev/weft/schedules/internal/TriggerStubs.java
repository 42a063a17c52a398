package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * The stubs the trigger workflows (schedule, sensor, webhook delivery) call their short activities
 * through: starting or signalling the action's run, and reading or stopping the runs a schedule
 * started. They are normal activities on the trigger worker's queue. Local activities (the start
 * inside the workflow task the timer woke) were tried and measured: no difference in lateness or
 * CPU per firing in {@code weft bench schedules} and {@code sensors} (docs/performance.md).
 */
final class TriggerStubs {
  private TriggerStubs() {}

  /** Returns a stub of {@code activities} for the running trigger workflow. */
  static <T> T stub(Class<T> activities, Duration startToClose, RetryPolicy retry) {
    return Workflow.newActivityStub(
        activities,
        ActivityOptions.newBuilder().startToCloseTimeout(startToClose).retryPolicy(retry).build());
  }
}
