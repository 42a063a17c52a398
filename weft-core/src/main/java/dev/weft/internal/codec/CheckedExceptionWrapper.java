package dev.weft.internal.codec;

/**
 * Carries a checked exception out of an activity or workflow method that cannot declare it. The
 * failure converter records the wrapped exception, not this wrapper, so the failure's type is the
 * checked exception's class name (what {@code nonRetryableErrorTypes} and callers match on).
 */
public final class CheckedExceptionWrapper extends RuntimeException {
  private CheckedExceptionWrapper(Exception cause) {
    super(cause.getMessage(), cause, false, false);
  }

  /** Returns {@code e} if it is unchecked, or a wrapper the failure converter sees through. */
  public static RuntimeException wrap(Throwable e) {
    if (e instanceof RuntimeException r) {
      return r;
    }
    if (e instanceof Error error) {
      throw error;
    }
    return new CheckedExceptionWrapper((Exception) e);
  }
}
