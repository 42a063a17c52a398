package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/** The activities of the asset wait workflow. */
@ActivityInterface
public interface AssetWaitActivities {

  /**
   * Returns the asset's state if the condition holds now; otherwise registers the calling run as a
   * waiter (in the transaction of this activity's completion, where the condition is checked again)
   * and returns an unsatisfied outcome.
   */
  @ActivityMethod(name = "__weft_asset_await")
  AwaitAssetOutcome register(AwaitAssetRequest request);

  /** Returns the asset's state and whether the condition holds. */
  @ActivityMethod(name = "__weft_asset_check")
  AwaitAssetOutcome check(AwaitAssetRequest request);

  /** Removes the calling run's waiter. */
  @ActivityMethod(name = "__weft_asset_forget")
  void forget();
}
