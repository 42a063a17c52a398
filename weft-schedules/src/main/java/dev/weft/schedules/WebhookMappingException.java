package dev.weft.schedules;

/**
 * A webhook's mapping could not read a request's body: a JSON pointer that resolves to nothing, or
 * to a value of the wrong kind. Nothing was started. The HTTP API answers it with a 400 problem of
 * type {@code hook-mapping} whose field is the pointer.
 */
public final class WebhookMappingException extends RuntimeException {
  private final String pointer;

  /** A refusal of the value at {@code pointer}, explained by {@code message}. */
  public WebhookMappingException(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  /** The JSON pointer that could not be read. */
  public String pointer() {
    return pointer;
  }
}
