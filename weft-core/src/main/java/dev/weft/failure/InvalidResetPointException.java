package dev.weft.failure;

/**
 * A reset or import cannot start a run from the given point of a history: the event is not the end
 * of a workflow task, or the run had child workflows open there (they belong to the old run). The
 * message names the event and lists valid points. Nothing was written.
 */
public final class InvalidResetPointException extends WeftException {

  /** Creates the exception. */
  public InvalidResetPointException(String message) {
    super(message);
  }
}
