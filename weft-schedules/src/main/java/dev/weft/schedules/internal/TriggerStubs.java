package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * The stubs the trigger workflows (schedule, sensor, webhook delivery) call their short activities
 * through: starting or signalling the action's run, and reading or stopping the runs a schedule
 * started. Since version 1 of the change {@value #LOCAL_CHANGE} they are local activities: the
 * trigger worker serves them itself, so a firing's start runs inside the workflow task its timer
 * woke, with no task-queue round trip and no second workflow task. Runs begun before that recorded
 * no version and replay with normal activities, as their histories hold.
 */
final class TriggerStubs {
  /** The change ID of the move to local activities. */
  static final String LOCAL_CHANGE = "weft-trigger-local-activities";

  private TriggerStubs() {}

  /**
   * Returns a stub of {@code activities} for the running trigger workflow; call it from the
   * workflow's method, at the same point on every run.
   */
  static <T> T stub(Class<T> activities, Duration startToClose, RetryPolicy retry) {
    if (Workflow.getVersion(LOCAL_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      return Workflow.newLocalActivityStub(
          activities,
          LocalActivityOptions.newBuilder()
              .startToCloseTimeout(startToClose)
              .retryPolicy(retry)
              .build());
    }
    return Workflow.newActivityStub(
        activities,
        ActivityOptions.newBuilder().startToCloseTimeout(startToClose).retryPolicy(retry).build());
  }
}
