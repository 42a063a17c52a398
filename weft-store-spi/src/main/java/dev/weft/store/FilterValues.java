package dev.weft.store;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.FilterToken.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Converts a query's value tokens to the Java values of their fields. */
final class FilterValues {
  private FilterValues() {}

  /** Returns whether a token can be a value at all (a string, a number, true or false). */
  static boolean isValue(FilterToken token) {
    return token.kind() == Kind.STRING
        || token.kind() == Kind.NUMBER
        || token.isKeyword("true")
        || token.isKeyword("false");
  }

  /**
   * Converts a value token for a field.
   *
   * @throws FilterSyntaxException if the token is not a valid value of the field's type
   */
  static Object convert(RunField field, FilterToken token) {
    Class<?> type = field.valueClass();
    Object value = null;
    if (type == String.class) {
      value = token.kind() == Kind.STRING ? token.text() : null;
    } else if (type == Long.class) {
      value = token.kind() == Kind.NUMBER ? parseLong(token.text()) : null;
    } else if (type == Double.class) {
      value = token.kind() == Kind.NUMBER ? parseDouble(token.text()) : null;
    } else if (type == Boolean.class) {
      value =
          token.isKeyword("true") ? Boolean.TRUE : token.isKeyword("false") ? Boolean.FALSE : null;
    } else if (type == Instant.class) {
      value = token.kind() == Kind.STRING ? parseInstant(token.text()) : null;
    } else if (type == WorkflowStatus.class) {
      value = token.kind() == Kind.STRING ? parseStatus(token.text()) : null;
    }
    if (value == null) {
      throw new FilterSyntaxException(
          token.quoted()
              + " at position "
              + token.position()
              + " is not a valid "
              + FieldRules.typeName(field)
              + " for '"
              + field.fieldName()
              + "'"
              + hint(field),
          token.position());
    }
    return value;
  }

  private static String hint(RunField field) {
    Class<?> type = field.valueClass();
    if (type == String.class) {
      return " (quote strings)";
    } else if (type == Instant.class) {
      return " (use a quoted RFC 3339 time like '2026-01-01T00:00:00Z' or '2026-12-06T10:00:00.250+01:00')";
    } else if (type == WorkflowStatus.class) {
      return "; one of " + String.join(", ", statusNames());
    } else if (type == Boolean.class) {
      return " (true or false)";
    }
    return "";
  }

  private static Long parseLong(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseDouble(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isInfinite(value) ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An RFC 3339 date-time ({@code t}, {@code z} and a space separator allowed) or a date. */
  private static Instant parseInstant(String text) {
    String normalized = text.toUpperCase(Locale.ROOT);
    if (normalized.length() > 10 && normalized.charAt(10) == ' ') {
      normalized = normalized.substring(0, 10) + 'T' + normalized.substring(11);
    }
    try {
      return Instant.parse(normalized);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** Accepts a status name in any case, with or without underscores: 'Running', 'TIMED_OUT'. */
  private static WorkflowStatus parseStatus(String text) {
    String wanted = text.replace("_", "").toUpperCase(Locale.ROOT);
    for (WorkflowStatus status : WorkflowStatus.values()) {
      if (status.name().replace("_", "").equals(wanted)) {
        return status;
      }
    }
    return null;
  }

  private static List<String> statusNames() {
    List<String> names = new ArrayList<>();
    for (WorkflowStatus status : WorkflowStatus.values()) {
      StringBuilder name = new StringBuilder();
      for (String part : status.name().split("_")) {
        name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
      names.add(name.toString());
    }
    return names;
  }
}
