package dev.weft.server.api.workflows;

import dev.weft.server.http.ApiProblem;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** ISO-8601 durations of requests ({@code PT30S}), read so that a bad one names its field. */
final class Durations {
  private Durations() {}

  /**
   * Parses {@code text} (null stays null).
   *
   * @throws ApiProblem 400 {@code invalid-field} naming {@code field} if it is not an ISO-8601
   *     duration or is negative
   */
  static Duration parse(String field, String text) {
    if (text == null) {
      return null;
    }
    Duration d;
    try {
      d = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badField(
          field,
          text,
          "field '" + field + "': '" + text + "' is not an ISO-8601 duration such as PT30S");
    }
    if (d.isNegative()) {
      throw ApiProblem.badField(
          field, text, "field '" + field + "': the duration " + text + " is negative");
    }
    return d;
  }
}
