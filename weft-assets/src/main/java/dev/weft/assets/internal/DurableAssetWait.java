package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Registers a waiter, then waits for the catalog's signal (or the timeout, a durable timer). A
 * signal is a hint, never trusted alone: the state is read again, and if the condition no longer
 * holds (the asset went stale again in between) the run registers again.
 */
public final class DurableAssetWait implements AwaitAssetWorkflow {
  private final AssetWaitActivities waits =
      Workflow.newActivityStub(
          AssetWaitActivities.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build())
              .build());
  private boolean woken;

  @Override
  public AwaitAssetOutcome run(AwaitAssetRequest request) {
    Instant deadline = request.timeout() == null ? null : Workflow.now().plus(request.timeout());
    while (true) {
      woken = false;
      AwaitAssetOutcome now = waits.register(request);
      if (now.satisfied()) {
        return now;
      }
      if (deadline == null) {
        Workflow.await(() -> woken);
      } else {
        Duration left = Duration.between(Workflow.now(), deadline);
        if (left.isNegative() || left.isZero() || !Workflow.await(left, () -> woken)) {
          waits.forget();
          return waits.check(request);
        }
      }
      AwaitAssetOutcome after = waits.check(request);
      if (after.satisfied()) {
        return after;
      }
    }
  }

  @Override
  public void ready(String waiterId) {
    woken = true;
  }
}
