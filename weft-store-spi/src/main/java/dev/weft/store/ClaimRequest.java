package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's request to lease up to {@code maxTasks} ready tasks of one queue.
 *
 * @param taskQueue the queue to claim from
 * @param owner the identity of the claiming worker (node ID)
 * @param leaseToken the fencing token written on every task this claim leases
 * @param maxTasks the maximum number of tasks to return (free worker slots)
 * @param now the claim time: tasks visible at or before it are ready
 * @param lease how long a workflow task lease lasts, and the fallback for an activity without
 *     timeouts
 */
public record ClaimRequest(
    String taskQueue, String owner, long leaseToken, int maxTasks, Instant now, Duration lease) {

  /** Validates the request. */
  public ClaimRequest {
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be >= 1, was " + maxTasks);
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
  }
}
