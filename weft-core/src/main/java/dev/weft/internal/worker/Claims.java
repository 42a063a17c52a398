package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.Store;
import dev.weft.store.WorkflowTaskRecord;
import java.time.Duration;
import java.util.List;
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
    return store.claimWorkflowTasks(request(queue, max, workflowTaskLease, stickyWait));
  }

  List<ActivityTaskState> activityTasks(String queue, int max) {
    return store.claimActivityTasks(request(queue, max, ACTIVITY_FALLBACK_LEASE, Duration.ZERO));
  }

  private ClaimRequest request(String queue, int max, Duration lease, Duration stickyWait) {
    long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    return new ClaimRequest(queue, nodeId, token, max, clock.now(), lease, stickyWait);
  }
}
