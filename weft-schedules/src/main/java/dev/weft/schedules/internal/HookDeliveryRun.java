package dev.weft.schedules.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.schedules.TriggerResult;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/** Runs a {@link HookDelivery}'s action once through {@link TriggerActivities}. */
public final class HookDeliveryRun implements HookDeliveryWorkflow {
  private final TriggerActivities actions =
      Workflow.newActivityStub(
          TriggerActivities.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(TriggerActivities.START_TO_CLOSE)
              .retryPolicy(RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build())
              .build());

  @Override
  public TriggerResult run(HookDelivery delivery) {
    return actions.run(delivery.action(), delivery.derivedId(), delivery.receivedAt());
  }
}
