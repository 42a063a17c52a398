package dev.weft.store.jdbc;

import dev.weft.store.CommitResult;
import dev.weft.store.Write;

/**
 * Thrown inside a transaction when a conditional write does not hold; the writer rolls the batch
 * back to its savepoint and returns the conflict as a value. Never leaves this package.
 */
final class ConflictException extends Exception {
  private final transient CommitResult.Conflict conflict;

  ConflictException(Write write, String reason) {
    super(reason, null, false, false);
    this.conflict = new CommitResult.Conflict(write, reason);
  }

  CommitResult.Conflict conflict() {
    return conflict;
  }
}
