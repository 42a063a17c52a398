package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The pending workflow task of a run: a signal that the run has new inbox events (or has just
 * started) and its code must run. A run has at most one.
 *
 * @param runId the run
 * @param taskQueue the queue it is dispatched on
 * @param visibleAt the earliest time it may be claimed (a lease's expiry while it is leased)
 * @param attempt 1, plus one for each failed attempt since the last successful one
 * @param lastFailure why the last attempt failed (for operators), or {@code null}
 * @param leaseOwner the worker holding the lease, or {@code null}
 * @param leaseToken the fencing token of the current lease (0 when not leased)
 * @param failureDetails the last failure as data, in a form the engine chose (JSON, for example the
 *     two sides of a non-determinism error), or {@code null}; {@link Store#findWorkflowTask} reads
 *     it, claims leave it {@code null}
 */
public record WorkflowTaskRecord(
    String runId,
    String taskQueue,
    Instant visibleAt,
    int attempt,
    String lastFailure,
    String leaseOwner,
    long leaseToken,
    String failureDetails) {

  /** Validates the record. */
  public WorkflowTaskRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(visibleAt, "visibleAt");
  }

  /** A task without failure details. */
  public WorkflowTaskRecord(
      String runId,
      String taskQueue,
      Instant visibleAt,
      int attempt,
      String lastFailure,
      String leaseOwner,
      long leaseToken) {
    this(runId, taskQueue, visibleAt, attempt, lastFailure, leaseOwner, leaseToken, null);
  }

  /** Returns whether a worker holds a lease on it. */
  public boolean isLeased() {
    return leaseOwner != null;
  }
}
