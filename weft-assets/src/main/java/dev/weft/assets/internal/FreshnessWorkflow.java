package dev.weft.assets.internal;

import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow that watches one asset's freshness policy: one run per (namespace, asset
 * with a policy), workflow ID {@link #WORKFLOW_ID_PREFIX}{@code <asset key>}, started when an app
 * registers its assets and terminated when the policy changes or goes. Each cycle reads the asset's
 * deadline, sleeps on a durable timer until it, records the violation with an activity's completion
 * if no materialization landed meanwhile, waits for the materialization that clears it (an asset
 * waiter, woken in that materialization's transaction), and continues as new.
 */
@WorkflowInterface
public interface FreshnessWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_freshness";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_freshness:";

  /** Returns the workflow ID of the watch of {@code assetKey}. */
  static String workflowId(String assetKey) {
    return WORKFLOW_ID_PREFIX + assetKey;
  }

  /** Watches the asset until its policy changes or goes. */
  @WorkflowMethod(name = TYPE)
  void run(FreshnessRequest request);

  /** The catalog's wake-up when a materialization landed (its argument: the waiter ID). */
  @SignalMethod(name = AwaitAssetWorkflow.SIGNAL)
  void materialized(String waiterId);
}
