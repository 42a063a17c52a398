package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * {@link FreshnessWorkflow}: one cycle per run (check, durable timer to the deadline, violation,
 * wait for the clearing materialization), then continue-as-new, so a history holds a handful of
 * events whatever the age of the watch.
 */
public final class FreshnessWatch implements FreshnessWorkflow {
  private final FreshnessActivities catalog =
      Workflow.newActivityStub(
          FreshnessActivities.class,
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build())
              .build());
  private boolean woken;

  @Override
  public void run(FreshnessRequest request) {
    FreshnessCheck seen = catalog.check(request);
    if (!seen.policyCurrent()) {
      return;
    }
    if (seen.partitionIndex() != null) {
      watchPartition(request, seen);
      return;
    }
    if (!seen.violated()) {
      Duration left = Duration.between(Workflow.now(), seen.deadline());
      if (left.isPositive()) {
        Workflow.sleep(left, "freshness deadline of " + request.assetKey());
      }
      if (!catalog.recordViolation(request, seen)) {
        Workflow.continueAsNew(request);
        return;
      }
    }
    if (!catalog.awaitMaterialization(request, seen)) {
      Workflow.await(() -> woken);
    }
    Workflow.continueAsNew(request);
  }

  /**
   * A partition deadline: sleeps to the window's deadline unless its partition is there already,
   * records the violation if it is still missing then (its materialization clears it in the store,
   * whenever it lands), and goes on with the next window; ends when the windows do.
   */
  private void watchPartition(FreshnessRequest request, FreshnessCheck seen) {
    if (seen.deadline() == null) {
      return;
    }
    if (seen.lastMaterializedAt() == null && !seen.violated()) {
      Duration left = Duration.between(Workflow.now(), seen.deadline());
      if (left.isPositive()) {
        Workflow.sleep(
            left, "freshness deadline of " + request.assetKey() + " partition " + seen.partition());
      }
      catalog.recordViolation(request, seen);
    }
    Workflow.continueAsNew(request.handled(seen.partitionIndex()));
  }

  @Override
  public void materialized(String waiterId) {
    woken = true;
  }
}
