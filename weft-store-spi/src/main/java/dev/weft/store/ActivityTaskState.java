package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An activity task with its lease, as returned by claims, timeout scans and describe.
 *
 * <p>Completing, failing or heartbeating an attempt requires the same {@code leaseToken}: a worker
 * whose lease expired (and whose task went to another attempt) cannot write. A task that is not
 * leased has {@code leaseOwner == null} and {@code leaseToken == 0}.
 *
 * @param task the task; in a claim, {@code attempt} already counts the claimed attempt
 * @param leaseOwner the worker holding the lease, or {@code null}
 * @param leaseToken the fencing token of the lease, or 0
 * @param startedAt when the leased attempt started, or {@code null}
 * @param leaseUntil when the lease expires unless a heartbeat extends it, or {@code null}
 */
public record ActivityTaskState(
    ActivityTaskRecord task,
    String leaseOwner,
    long leaseToken,
    Instant startedAt,
    Instant leaseUntil) {

  /** Validates the record. */
  public ActivityTaskState {
    Objects.requireNonNull(task, "task");
    if (leaseOwner != null) {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
  }

  /** Returns whether an attempt is running (the task is leased). */
  public boolean isLeased() {
    return leaseOwner != null;
  }
}
