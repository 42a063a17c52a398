package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetNode;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.RegisterFreshnessPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps one freshness workflow per asset with a policy: the registration write of a location's
 * policies (committed with its graph), then, after it committed, a workflow started for each new or
 * changed policy (a changed one replaces the running run: {@link
 * WorkflowIdConflictPolicy#TERMINATE_EXISTING}), an unchanged one kept ({@link
 * WorkflowIdConflictPolicy#USE_EXISTING}, which also starts it if it is not running), and the run
 * of a removed policy terminated.
 */
public final class FreshnessWatches {
  private final WeftClient client;
  private final FreshnessCatalog catalog;
  private final String namespace;
  private final String location;
  private final String taskQueue;
  private final Map<String, FreshnessPolicyRecord> before;

  /** Reads the namespace's policies as they are before this location registers. */
  public FreshnessWatches(
      WeftClient client,
      FreshnessCatalog catalog,
      String namespace,
      String location,
      String taskQueue) {
    this.client = client;
    this.catalog = catalog;
    this.namespace = namespace;
    this.location = location;
    this.taskQueue = taskQueue;
    this.before =
        catalog.policies(namespace).stream()
            .collect(Collectors.toMap(FreshnessPolicyRecord::assetKey, Function.identity()));
  }

  /** Returns the write that makes the location's policies those of {@code graph}. */
  public RegisterFreshnessPolicies registration(AssetGraph graph, Instant at) {
    List<FreshnessPolicyRecord> policies = new ArrayList<>();
    for (AssetNode node : graph.nodes()) {
      FreshnessPolicy policy = node.spec().freshnessPolicy();
      String key = node.key().path();
      if (policy instanceof FreshnessPolicy.MaxLag lag) {
        policies.add(
            new FreshnessPolicyRecord(key, FreshnessPolicyKind.MAX_LAG, lag.lag(), null, null));
      } else if (policy instanceof FreshnessPolicy.PartitionDeadline d) {
        policies.add(
            new FreshnessPolicyRecord(
                key, FreshnessPolicyKind.PARTITION_DEADLINE, null, d.deadline(), null));
      }
    }
    return new RegisterFreshnessPolicies(namespace, location, policies, at);
  }

  /** Starts, keeps or terminates the workflows after the registration committed. */
  public void reconcile() {
    Map<String, FreshnessPolicyRecord> after =
        catalog.policies(namespace).stream()
            .collect(Collectors.toMap(FreshnessPolicyRecord::assetKey, Function.identity()));
    for (FreshnessPolicyRecord policy : after.values()) {
      FreshnessPolicyRecord old = before.get(policy.assetKey());
      boolean unchanged = old != null && old.registeredAt().equals(policy.registeredAt());
      WorkflowOptions options =
          WorkflowOptions.newBuilder()
              .workflowId(FreshnessWorkflow.workflowId(policy.assetKey()))
              .taskQueue(taskQueue)
              .idConflictPolicy(
                  unchanged
                      ? WorkflowIdConflictPolicy.USE_EXISTING
                      : WorkflowIdConflictPolicy.TERMINATE_EXISTING)
              .build();
      client.start(
          FreshnessWorkflow.TYPE,
          options,
          new FreshnessRequest(policy.assetKey(), policy.registeredAt(), taskQueue));
    }
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        terminate(key);
      }
    }
  }

  private void terminate(String assetKey) {
    try {
      var handle = client.getHandle(FreshnessWorkflow.workflowId(assetKey));
      if (handle.describe().status() == WorkflowStatus.RUNNING) {
        handle.terminate("the freshness policy of " + assetKey + " was removed");
      }
    } catch (WorkflowNotFoundException e) {
      // never started: nothing to stop
    }
  }
}
