package dev.weft.assets.automation;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed cron expression (five fields, Unix syntax, UTC) and its ticks.
 *
 * @param expression the expression as written
 * @param executionTime its ticks (cron-utils)
 */
record CronSchedule(String expression, ExecutionTime executionTime) {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** Validates the record. */
  CronSchedule {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(executionTime, "executionTime");
  }

  /**
   * Parses an expression.
   *
   * @throws InvalidCronExpressionException naming the expression and the position of the error
   */
  static CronSchedule parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    String[] fields = expression.trim().split("\\s+");
    if (expression.isBlank() || fields.length != 5) {
      throw new InvalidCronExpressionException(
          expression,
          expression.length(),
          "it has " + (expression.isBlank() ? 0 : fields.length) + " fields");
    }
    try {
      return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression)));
    } catch (IllegalArgumentException e) {
      int field = firstBadField(fields);
      throw new InvalidCronExpressionException(
          expression,
          offsetOf(expression, field),
          "field " + (field + 1) + " '" + fields[field] + "': " + e.getMessage());
    }
  }

  /** Returns the latest tick at or before {@code time}, if any. */
  Optional<Instant> lastTick(Instant time) {
    ZonedDateTime at = time.atZone(ZoneOffset.UTC).plusNanos(1);
    return executionTime.lastExecution(at).map(ZonedDateTime::toInstant);
  }

  /** Returns the first tick after {@code time}, if any. */
  Optional<Instant> nextTick(Instant time) {
    return executionTime.nextExecution(time.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
  }

  /** The first field that makes the expression fail, all later fields replaced by {@code *}. */
  private static int firstBadField(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      StringBuilder probe = new StringBuilder();
      for (int j = 0; j < fields.length; j++) {
        probe.append(j == 0 ? "" : " ").append(j <= i ? fields[j] : "*");
      }
      try {
        PARSER.parse(probe.toString());
      } catch (IllegalArgumentException e) {
        return i;
      }
    }
    return fields.length - 1;
  }

  private static int offsetOf(String expression, int field) {
    int position = 0;
    int seen = -1;
    boolean inField = false;
    for (; position < expression.length(); position++) {
      boolean space = Character.isWhitespace(expression.charAt(position));
      if (!space && !inField) {
        seen++;
        if (seen == field) {
          return position;
        }
      }
      inField = !space;
    }
    return position;
  }
}
