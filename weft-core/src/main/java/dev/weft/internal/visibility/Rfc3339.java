package dev.weft.internal.visibility;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads RFC 3339 date-times, the text form of a DATETIME search attribute value: a date, {@code T}
 * (or {@code t}, or a space), a time with optional fractional seconds, and {@code Z} or an offset:
 * {@code 2026-12-06T10:00:00+01:00}, {@code 2026-12-06T09:00:00.250Z}.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /** Returns the instant, or null if the text is not an RFC 3339 date-time. */
  static Instant parse(String text) {
    if (text.length() < 20) {
      return null;
    }
    String normalized = text.toUpperCase(Locale.ROOT);
    if (normalized.charAt(10) == ' ') {
      normalized = normalized.substring(0, 10) + 'T' + normalized.substring(11);
    }
    try {
      return OffsetDateTime.parse(normalized).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
