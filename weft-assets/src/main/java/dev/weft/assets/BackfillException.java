package dev.weft.assets;

/**
 * A backfill operation refused because of the backfill's state: unknown, already ended, or with
 * nothing to retry. The message names the backfill and its status.
 */
public final class BackfillException extends RuntimeException {
  /** Why the operation was refused. */
  public enum Reason {
    /** The namespace has no backfill of that ID. */
    NOT_FOUND,
    /** The backfill ended already. */
    ENDED,
    /** A retry of a backfill without failed partitions. */
    NOTHING_FAILED
  }

  private final Reason reason;
  private final String backfillId;

  /** Creates the exception. */
  public BackfillException(Reason reason, String backfillId, String message) {
    super(message);
    this.reason = reason;
    this.backfillId = backfillId;
  }

  /** Returns why the operation was refused. */
  public Reason reason() {
    return reason;
  }

  /** Returns the backfill's ID. */
  public String backfillId() {
    return backfillId;
  }
}
