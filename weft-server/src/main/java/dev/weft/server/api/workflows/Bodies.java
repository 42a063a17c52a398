package dev.weft.server.api.workflows;

import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import io.javalin.http.Context;

/** Request bodies: required ones through {@link ApiJson#read}, and ones that may be left out. */
final class Bodies {
  private Bodies() {}

  /** Reads the body as {@code type}, or returns {@code none} if there is no body. */
  static <T> T optional(Context ctx, Class<T> type, T none) {
    byte[] body = ctx.bodyAsBytes();
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return ApiJson.read(ctx, type);
      }
    }
    return none;
  }

  /**
   * Returns {@code value}, required in the body.
   *
   * @throws ApiProblem 400 {@code invalid-field} naming {@code field} if it is absent or null
   */
  static <T> T required(T value, String field) {
    if (value == null) {
      throw ApiProblem.badField(field, null, "missing required field '" + field + "'");
    }
    return value;
  }

  /** As {@link #required(Object, String)}, for a name: also refuses a blank one. */
  static String requiredName(String value, String field) {
    required(value, field);
    if (value.isBlank()) {
      throw ApiProblem.badField(field, value, "field '" + field + "' must not be blank");
    }
    return value;
  }
}
