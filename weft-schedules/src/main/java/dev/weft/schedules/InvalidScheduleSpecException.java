package dev.weft.schedules;

import java.util.Objects;

/**
 * A {@link ScheduleSpec} that cannot be built: names the field, the value given and what was
 * expected, so that a caller (code, an HTTP route, the CLI) can show it as it is.
 *
 * <p>Example message: {@code cron '0 25 * * *': field 2 (hour) '25': value 25 is out of range;
 * expected 0-23}.
 */
public final class InvalidScheduleSpecException extends IllegalArgumentException {
  private final String field;
  private final String value;

  /**
   * Creates the exception.
   *
   * @param field the name of the bad field as in the spec's JSON ({@code cron}, {@code interval},
   *     {@code offset}, {@code timeZone}, {@code start}, {@code end}, {@code jitter})
   * @param value the value given, as text ({@code null} when it was missing)
   * @param problem what is wrong and what was expected
   */
  public InvalidScheduleSpecException(String field, String value, String problem) {
    super(field + " " + (value == null ? "(missing)" : "'" + value + "'") + ": " + problem);
    this.field = Objects.requireNonNull(field, "field");
    this.value = value;
  }

  /** Returns the name of the bad field, as in the spec's JSON (for example {@code timeZone}). */
  public String field() {
    return field;
  }

  /** Returns the value given for the field, as text, or {@code null} when it was missing. */
  public String value() {
    return value;
  }
}
