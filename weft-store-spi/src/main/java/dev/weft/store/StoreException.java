package dev.weft.store;

/**
 * A store failed for a reason other than a lost race (races are {@link CommitResult.Conflict}
 * values): the database is unreachable, the schema is incompatible, a statement failed.
 */
public class StoreException extends RuntimeException {

  /** Creates an exception with a message that names what failed. */
  public StoreException(String message) {
    super(message);
  }

  /** Creates an exception with a message that names what failed, and its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
