package dev.weft.schedules.internal;

import dev.weft.common.RetryPolicy;
import dev.weft.schedules.TriggerResult;
import java.time.Duration;

/** Runs a {@link HookDelivery}'s action once through {@link TriggerActivities}. */
public final class HookDeliveryRun implements HookDeliveryWorkflow {
  @Override
  public TriggerResult run(HookDelivery delivery) {
    TriggerActivities actions =
        TriggerStubs.stub(
            TriggerActivities.class,
            TriggerActivities.START_TO_CLOSE,
            RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build());
    return actions.run(delivery.action(), delivery.derivedId(), delivery.receivedAt());
  }
}
