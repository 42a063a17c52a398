package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A worker's request to lease up to {@code maxTasks} ready tasks of one queue.
 *
 * <p><b>Sticky workflow tasks.</b> With a positive {@code stickyWait}, the store remembers which
 * owner last claimed each run's workflow task (the node that has the run in its cache), and a later
 * workflow task of that run is claimable by that owner as soon as it is visible, by any other owner
 * only once it has been visible for {@code stickyWait}: a run keeps going where its state is warm,
 * and falls back to any node when its node is gone or busy. With zero (a store one process owns),
 * nothing is remembered and every owner is equal. Activity claims ignore it.
 *
 * @param taskQueue the queue to claim from
 * @param owner the identity of the claiming worker (node ID)
 * @param leaseToken the fencing token written on every task this claim leases
 * @param maxTasks the maximum number of tasks to return (free worker slots)
 * @param now the claim time: tasks visible at or before it are ready
 * @param lease how long a workflow task lease lasts, and the fallback for an activity without
 *     timeouts
 * @param stickyWait how long a workflow task waits for the owner that has its run cached before any
 *     owner may claim it; zero for no stickiness
 * @param activityTypes the activity types the claimer runs: an activity claim leases only tasks of
 *     these types (other types stay in the queue for a worker that knows them); empty for any type.
 *     Workflow claims ignore it
 */
public record ClaimRequest(
    String taskQueue,
    String owner,
    long leaseToken,
    int maxTasks,
    Instant now,
    Duration lease,
    Duration stickyWait,
    Set<String> activityTypes) {

  /** Validates the request. */
  public ClaimRequest {
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(stickyWait, "stickyWait");
    activityTypes = Set.copyOf(Objects.requireNonNull(activityTypes, "activityTypes"));
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be >= 1, was " + maxTasks);
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    if (stickyWait.isNegative()) {
      throw new IllegalArgumentException("stickyWait must not be negative, was " + stickyWait);
    }
  }

  /** A request of any activity type. */
  public ClaimRequest(
      String taskQueue,
      String owner,
      long leaseToken,
      int maxTasks,
      Instant now,
      Duration lease,
      Duration stickyWait) {
    this(taskQueue, owner, leaseToken, maxTasks, now, lease, stickyWait, Set.of());
  }

  /** A request without stickiness. */
  public ClaimRequest(
      String taskQueue, String owner, long leaseToken, int maxTasks, Instant now, Duration lease) {
    this(taskQueue, owner, leaseToken, maxTasks, now, lease, Duration.ZERO, Set.of());
  }

  /** Returns this request limited to activity tasks of {@code types} (empty: any type). */
  public ClaimRequest withActivityTypes(Set<String> types) {
    return new ClaimRequest(taskQueue, owner, leaseToken, maxTasks, now, lease, stickyWait, types);
  }

  /** Returns whether workflow tasks of this claim are sticky to the owner that ran them last. */
  public boolean sticky() {
    return stickyWait.isPositive();
  }
}
