package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.Store;
import dev.weft.store.WorkflowTaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The claims of this node's pollers: tasks leased to this node under a fresh lease token. Workflow
 * tasks are leased for the workflow task lease and wait the sticky time for the node that has their
 * run cached; activity tasks get a fallback lease until their attempt's own timeouts apply.
 */
public final class Claims {
  private static final Duration ACTIVITY_FALLBACK_LEASE = Duration.ofMinutes(10);

  private final Store store;
  private final WeftClock clock;
  private final String nodeId;
  private final Duration workflowTaskLease;
  private final Duration stickyWait;

  /**
   * @param stickyWait how long a workflow task waits for the node that has its run cached (zero on
   *     a store one process owns)
   */
  public Claims(
      Store store,
      WeftClock clock,
      String nodeId,
      Duration workflowTaskLease,
      Duration stickyWait) {
    this.store = store;
    this.clock = clock;
    this.nodeId = nodeId;
    this.workflowTaskLease = workflowTaskLease;
    this.stickyWait = stickyWait;
  }

  List<WorkflowTaskRecord> workflowTasks(String queue, int max) {
    return store.claimWorkflowTasks(request(queue, nodeId, max, workflowTaskLease, stickyWait));
  }

  /**
   * Claims activity tasks of {@code types} (empty: any type) for {@code owner}: this node's pollers
   * pass the node ID, a remote worker its own identity.
   */
  public List<ActivityTaskState> activityTasks(
      String queue, String owner, Set<String> types, int max) {
    return store.claimActivityTasks(
        request(queue, owner, max, ACTIVITY_FALLBACK_LEASE, Duration.ZERO)
            .withActivityTypes(types));
  }

  private ClaimRequest request(
      String queue, String owner, int max, Duration lease, Duration stickyWait) {
    long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    return new ClaimRequest(queue, owner, token, max, clock.now(), lease, stickyWait);
  }
}
