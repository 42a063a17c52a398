package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/** The activities of the freshness workflow. */
@ActivityInterface
public interface FreshnessActivities {

  /** Returns the asset's deadline and whether a violation is open. */
  @ActivityMethod(name = "__weft_freshness_check")
  FreshnessCheck check(FreshnessRequest request);

  /**
   * Records the violation at {@code seen.deadline()} with this activity's completion, unless a
   * materialization landed since {@code seen} (then returns false and records nothing).
   */
  @ActivityMethod(name = "__weft_freshness_violate")
  boolean recordViolation(FreshnessRequest request, FreshnessCheck seen);

  /**
   * Returns true if a materialization newer than {@code seen.lastMaterializedAt()} exists now;
   * otherwise registers the calling run as a waiter for one (with this activity's completion) and
   * returns false.
   */
  @ActivityMethod(name = "__weft_freshness_await")
  boolean awaitMaterialization(FreshnessRequest request, FreshnessCheck seen);
}
