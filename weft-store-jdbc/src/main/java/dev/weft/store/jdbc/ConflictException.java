package dev.weft.store.jdbc;

import dev.weft.store.CommitResult;
import dev.weft.store.Write;
import java.util.Objects;

/**
 * Thrown by a write's applier, inside the writer's transaction, when the write's condition does not
 * hold. The writer rolls the write's whole batch back (core writes and extension writes alike) and
 * {@link dev.weft.store.Store#commit} returns {@link CommitResult.Conflict} naming the write and
 * the reason: a lost race is a value, never an exception the caller sees.
 *
 * <p>A store extension's {@link WriteApplier} throws it the same way the core's appliers do:
 *
 * <pre>{@code
 * if (ps.executeUpdate() == 0) {
 *   throw new ConflictException(write, "asset " + key + " has a newer materialization");
 * }
 * }</pre>
 *
 * <p>It carries no stack trace: it is control flow, thrown and caught on the writer's thread.
 */
public final class ConflictException extends Exception {
  private final transient CommitResult.Conflict conflict;

  /**
   * Creates the conflict of a write.
   *
   * @param write the write whose condition did not hold
   * @param reason what the store found instead, naming the identifiers involved (for logs and error
   *     messages)
   */
  public ConflictException(Write write, String reason) {
    super(Objects.requireNonNull(reason, "reason"), null, false, false);
    this.conflict = new CommitResult.Conflict(write, reason);
  }

  /** Returns the conflict as {@link dev.weft.store.Store#commit} returns it. */
  public CommitResult.Conflict conflict() {
    return conflict;
  }
}
