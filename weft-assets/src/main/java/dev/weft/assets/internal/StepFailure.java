package dev.weft.assets.internal;

/**
 * A step could not materialize its assets: the message names the asset (and the input, IO manager
 * or check); {@code type} is what the catalog records as the error type.
 */
public final class StepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final boolean retryable;

  /** Creates the failure. */
  public StepFailure(String type, String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.type = type;
    this.retryable = retryable;
  }

  /** Returns the error type recorded in the catalog. */
  public String type() {
    return type;
  }

  /** Returns whether another attempt may succeed (false for a wrong output type). */
  public boolean retryable() {
    return retryable;
  }
}
