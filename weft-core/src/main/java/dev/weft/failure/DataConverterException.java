package dev.weft.failure;

/** A value could not be serialized or deserialized. The message names the value and type. */
public final class DataConverterException extends WeftException {

  /** Creates the exception. */
  public DataConverterException(String message, Throwable cause) {
    super(message, cause);
  }
}
