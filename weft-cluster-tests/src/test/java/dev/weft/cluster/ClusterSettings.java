package dev.weft.cluster;

import java.time.Duration;

/**
 * The settings every node and the test driver share. The leases are short so that a lost node's
 * work is taken over within seconds; a paused node is stopped for longer than all of them (and
 * longer than PostgreSQL's {@code idle_in_transaction_session_timeout} of 15 s, which ends a
 * transaction the paused node left open).
 */
final class ClusterSettings {
  /** The task queue of the pipeline workflows and their activities. */
  static final String QUEUE = "cluster";

  /** How long a claimed workflow task stays leased to its node. */
  static final Duration WORKFLOW_TASK_LEASE = Duration.ofSeconds(4);

  /** How long an activity attempt may run before another node retries it. */
  static final Duration ACTIVITY_START_TO_CLOSE = Duration.ofSeconds(3);

  /**
   * How long the pause test keeps a node stopped: past every lease and timeout above, and past
   * PostgreSQL's idle-in-transaction timeout (15 s) with a margin, since a node frozen inside its
   * writer's transaction holds row locks the other nodes wait on until the server ends that
   * transaction.
   */
  static final Duration PAUSE = Duration.ofSeconds(25);

  private ClusterSettings() {}
}
