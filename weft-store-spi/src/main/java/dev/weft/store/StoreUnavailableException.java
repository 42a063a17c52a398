package dev.weft.store;

/**
 * The database could not be reached (a lost connection, a restarting server). The store reconnects
 * on its own with backoff; the operation that failed may be retried. For a write, {@link
 * #outcomeUnknown()} tells whether the connection was lost while the commit was in flight, in which
 * case the write may or may not have been applied: every conditional write of Weft (fenced by a
 * lease token, guarded by the next event ID) is safe to retry, because a retry of a write that did
 * apply fails as a conflict instead of applying twice.
 */
public class StoreUnavailableException extends StoreException {
  private final boolean outcomeUnknown;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the store (never a password)
   * @param outcomeUnknown whether a write may have been applied although it failed
   * @param cause the database driver's error
   */
  public StoreUnavailableException(String message, boolean outcomeUnknown, Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Returns whether the failed write may have been applied (the commit was in flight). */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
