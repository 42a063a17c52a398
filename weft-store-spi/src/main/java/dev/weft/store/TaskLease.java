package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A lease written together with a new task, so the node that creates the task runs it at once
 * without a claim (eager dispatch). If the node dies, the lease expires like any other.
 *
 * @param owner the node that will run the task
 * @param token the fencing token later writes must present
 * @param startedAt when the leased attempt starts
 * @param until when the lease expires
 */
public record TaskLease(String owner, long token, Instant startedAt, Instant until) {

  /** Validates the lease. */
  public TaskLease {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(until, "until");
    if (token == 0) {
      throw new IllegalArgumentException("a lease token must not be 0 (0 means not leased)");
    }
  }
}
