package dev.weft.client;

import dev.weft.failure.WeftException;

/**
 * A Weft server refused a call with a problem that has no engine exception of its own (a missing or
 * refused token, an unknown namespace, a malformed request, a server error). Calls that the engine
 * refuses throw the same exceptions as the embedded client ({@link
 * dev.weft.failure.WorkflowNotFoundException}, {@link
 * dev.weft.failure.WorkflowAlreadyStartedException}, ...).
 */
public final class WeftApiException extends WeftException {
  private final int status;
  private final String type;
  private final String field;

  /** Creates the exception for a problem document. */
  public WeftApiException(int status, String type, String detail, String field) {
    super("HTTP " + status + " " + type + ": " + detail);
    this.status = status;
    this.type = type;
    this.field = field;
  }

  /** Returns the HTTP status (401, 403, 404, 400, 500, ...). */
  public int getStatus() {
    return status;
  }

  /**
   * Returns the problem's stable type slug, e.g. {@code namespace-not-found} (the last segment of
   * {@code https://weft.dev/problems/namespace-not-found}).
   */
  public String getType() {
    return type;
  }

  /** Returns the offending request field, as a dotted path, or {@code null}. */
  public String getField() {
    return field;
  }
}
