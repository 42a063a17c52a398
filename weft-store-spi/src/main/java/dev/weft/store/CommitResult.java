package dev.weft.store;

import java.util.Objects;

/**
 * The outcome of {@link Store#commit}: the batch was applied, or one of its conditional writes did
 * not hold and nothing was applied.
 */
public sealed interface CommitResult {

  /** Returns whether the batch was applied. */
  default boolean committed() {
    return this instanceof Committed;
  }

  /** The batch was applied and is durable. */
  record Committed() implements CommitResult {
    static final Committed INSTANCE = new Committed();
  }

  /**
   * A conditional write did not hold; no write of the batch was applied.
   *
   * @param write the write whose condition failed
   * @param reason what the store found instead (for logs and error messages)
   */
  record Conflict(Write write, String reason) implements CommitResult {
    /** Validates the record. */
    public Conflict {
      Objects.requireNonNull(write, "write");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Returns the shared success value. */
  static CommitResult ok() {
    return Committed.INSTANCE;
  }
}
