package dev.weft.failure;

/**
 * Base of the errors Weft's API raises for bad input, unknown names and conflicts. Unchecked; the
 * message names the problem (the field, the value, what was expected) and the identifiers involved.
 */
public class WeftException extends RuntimeException {

  /** Creates an error with a message that names the problem. */
  public WeftException(String message) {
    super(message);
  }

  /** Creates an error with a message that names the problem, and its cause. */
  public WeftException(String message, Throwable cause) {
    super(message, cause);
  }
}
