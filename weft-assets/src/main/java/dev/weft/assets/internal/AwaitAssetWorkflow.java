package dev.weft.assets.internal;

import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow that waits, durably, for a condition on an asset: started as a child by
 * {@code AssetWorkflow.awaitMaterialized} and {@code awaitFresh}. It registers a waiter in the
 * catalog ({@code AwaitAsset}) with an activity whose completion commits it, then waits for the
 * signal the catalog write that satisfies the condition puts into its inbox, in that write's
 * transaction. No timer loop, no worker held while it waits.
 */
@WorkflowInterface
public interface AwaitAssetWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_await_asset";

  /** The signal the catalog delivers when the condition holds (its argument: the waiter ID). */
  String SIGNAL = "__weft_asset_ready";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_await_asset:";

  /** Waits until the condition holds or the timeout passes. */
  @WorkflowMethod(name = TYPE)
  AwaitAssetOutcome run(AwaitAssetRequest request);

  /** The catalog's wake-up. */
  @SignalMethod(name = SIGNAL)
  void ready(String waiterId);
}
