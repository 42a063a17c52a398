package dev.weft.cli;

/**
 * A server's API refused a call: its status and the problem document's type slug and detail. Exit
 * code 2 for a 400 (the command's input was bad), 1 otherwise.
 */
final class ApiCallException extends RuntimeException {
  private final int status;

  ApiCallException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status. */
  int status() {
    return status;
  }
}
