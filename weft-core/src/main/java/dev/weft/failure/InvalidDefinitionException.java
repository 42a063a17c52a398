package dev.weft.failure;

/**
 * A workflow or activity interface (or implementation) is not valid: no workflow method, two
 * workflow methods, a signal method that returns a value, a duplicate name. Raised when the type is
 * registered or a stub is created, before anything runs.
 */
public final class InvalidDefinitionException extends WeftException {

  /** Creates the exception for the named class. */
  public InvalidDefinitionException(Class<?> type, String problem) {
    super(type.getName() + ": " + problem);
  }
}
