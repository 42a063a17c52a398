package dev.weft.schedules;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A cron expression parsed by cron-utils and evaluated on the local wall clock (no zone): the zone
 * is applied afterwards by {@link ZonedCron}, which is where daylight-saving time is handled.
 * cron-utils' own zone handling is not used because it skips the firing that falls into a
 * spring-forward gap.
 */
final class CronExpression {
  private static final List<String> FIVE_FIELDS =
      List.of("minute", "hour", "day-of-month", "month", "day-of-week");
  private static final List<String> SIX_FIELDS =
      List.of("second", "minute", "hour", "day-of-month", "month", "day-of-week");
  private static final List<String> EXPECTED_FIVE =
      List.of("0-59", "0-23", "1-31", "1-12 or JAN-DEC", "0-7 or SUN-SAT (0 and 7 are Sunday)");
  private static final List<String> MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final String SYNTAX = " (or *, a list a,b, a range a-b, a step */n or a-b/n)";
  private static final CronParser FIVE = new CronParser(definition(false));
  private static final CronParser SIX = new CronParser(definition(true));
  private static final LocalDateTime PROBE_FROM = LocalDateTime.of(2000, 1, 1, 0, 0);

  private final String expression;
  private final ExecutionTime executionTime;
  private final boolean hourRepeatsAllDay;

  private CronExpression(String expression, Cron cron) {
    this.expression = expression;
    this.executionTime = ExecutionTime.forCron(cron);
    FieldExpression hour = cron.retrieve(CronFieldName.HOUR).getExpression();
    this.hourRepeatsAllDay =
        hour instanceof Always
            || hour instanceof Every every && every.getExpression() instanceof Always;
  }

  /**
   * Parses a Unix-style expression of 5 fields, 6 fields (seconds first) or a macro.
   *
   * @throws InvalidScheduleSpecException for field {@code cron}, naming the bad field, its value
   *     and its range
   */
  static CronExpression parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw invalid(
          expression,
          "empty; expected 5 fields ("
              + String.join(" ", FIVE_FIELDS)
              + "), 6 fields (second first) or a macro such as @daily");
    }
    String trimmed = expression.trim();
    CronExpression parsed =
        trimmed.startsWith("@")
            ? parseMacro(expression, trimmed)
            : parseFields(expression, trimmed);
    if (parsed.nextAfter(PROBE_FROM).isEmpty()) {
      throw invalid(
          expression, "matches no date; expected a day-of-month that exists in the month");
    }
    return parsed;
  }

  private static CronExpression parseMacro(String expression, String trimmed) {
    String macro = trimmed.toLowerCase(java.util.Locale.ROOT);
    if (!MACROS.contains(macro)) {
      throw invalid(expression, "unknown macro; expected one of " + String.join(" ", MACROS));
    }
    return new CronExpression(expression, FIVE.parse(macro));
  }

  private static CronExpression parseFields(String expression, String trimmed) {
    String[] fields = trimmed.split("\\s+");
    if (fields.length != 5 && fields.length != 6) {
      throw invalid(
          expression,
          "has "
              + fields.length
              + " fields; expected 5 ("
              + String.join(" ", FIVE_FIELDS)
              + "), 6 (second first) or a macro such as @daily");
    }
    CronParser parser = fields.length == 6 ? SIX : FIVE;
    try {
      return new CronExpression(expression, parser.parse(trimmed));
    } catch (IllegalArgumentException e) {
      int bad = firstBadField(parser, fields);
      List<String> names = fields.length == 6 ? SIX_FIELDS : FIVE_FIELDS;
      String range =
          fields.length == 6
              ? (bad == 0 ? "0-59" : EXPECTED_FIVE.get(bad - 1))
              : EXPECTED_FIVE.get(bad);
      throw invalid(
          expression,
          "field "
              + (bad + 1)
              + " ("
              + names.get(bad)
              + ") '"
              + fields[bad]
              + "': "
              + reason(e)
              + "; expected "
              + range
              + SYNTAX);
    }
  }

  /** Returns the expression as written. */
  String expression() {
    return expression;
  }

  /**
   * Whether the hour field is {@code *} or {@code *}{@code /n}: such a schedule runs through every
   * hour, so a local hour that a fall-back transition repeats is a real hour it fires in again.
   */
  boolean hourRepeatsAllDay() {
    return hourRepeatsAllDay;
  }

  /** Returns the first matching wall-clock time strictly after {@code time}, if any. */
  Optional<LocalDateTime> nextAfter(LocalDateTime time) {
    return executionTime.nextExecution(time.atZone(ZoneOffset.UTC)).map(z -> z.toLocalDateTime());
  }

  /** The first field that makes the expression fail, all later fields replaced by {@code *}. */
  private static int firstBadField(CronParser parser, String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      StringBuilder probe = new StringBuilder();
      for (int j = 0; j < fields.length; j++) {
        probe.append(j == 0 ? "" : " ").append(j <= i ? fields[j] : "*");
      }
      try {
        parser.parse(probe.toString());
      } catch (IllegalArgumentException e) {
        return i;
      }
    }
    return fields.length - 1;
  }

  private static String reason(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = "Failed to parse cron expression. ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static InvalidScheduleSpecException invalid(String expression, String problem) {
    return new InvalidScheduleSpecException("cron", expression, problem);
  }

  /** Unix crontab (as cron-utils' UNIX definition), optionally with a seconds field first. */
  private static CronDefinition definition(boolean seconds) {
    CronDefinitionBuilder builder = CronDefinitionBuilder.defineCron();
    if (seconds) {
      builder = builder.withSeconds().withValidRange(0, 59).withStrictRange().and();
    }
    return builder
        .withMinutes()
        .withValidRange(0, 59)
        .withStrictRange()
        .and()
        .withHours()
        .withValidRange(0, 23)
        .withStrictRange()
        .and()
        .withDayOfMonth()
        .withValidRange(1, 31)
        .withStrictRange()
        .and()
        .withMonth()
        .withValidRange(1, 12)
        .withStrictRange()
        .and()
        .withDayOfWeek()
        .withValidRange(0, 7)
        .withMondayDoWValue(1)
        .withIntMapping(7, 0)
        .withStrictRange()
        .and()
        .withSupportedNicknameYearly()
        .withSupportedNicknameAnnually()
        .withSupportedNicknameMonthly()
        .withSupportedNicknameWeekly()
        .withSupportedNicknameDaily()
        .withSupportedNicknameMidnight()
        .withSupportedNicknameHourly()
        .instance();
  }
}
