package dev.weft.assets.partitions;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds a built-in {@link PartitionsDefinition} from its {@link
 * PartitionsDefinition#description()} map: what a node that does not host the asset code (the HTTP
 * server) has of an asset's partitions is the description the catalog keeps in the node's {@code
 * definitionJson.partitions}. The rebuilt definition translates every key and index exactly as the
 * described one did ({@code fromDescription(d.description())} equals {@code d}).
 *
 * <pre>{@code
 * PartitionsDefinition days = PartitionsDefinitions.fromDescription(
 *     Map.of("type", "time-window", "granularity", "daily", "start", "2024-01-01", "zone", "UTC"));
 * }</pre>
 *
 * <p>Numbers may be any {@link Number} (a JSON reader gives {@code Integer} or {@code Long}).
 */
public final class PartitionsDefinitions {
  private PartitionsDefinitions() {}

  /**
   * Returns the definition {@code description} describes.
   *
   * @throws IllegalArgumentException naming the field, the value and what was expected when the
   *     description is not one a built-in definition gives
   */
  public static PartitionsDefinition fromDescription(Map<String, ?> description) {
    if (description == null) {
      throw new IllegalArgumentException("partitions description is null: expected a map");
    }
    String type = text(description, "type", true);
    return switch (type) {
      case "unpartitioned" -> PartitionsDefinition.unpartitioned();
      case "time-window" -> timeWindow(description);
      case "static" -> StaticPartitions.of(strings(description, "keys"));
      case "dynamic" -> DynamicPartitions.named(text(description, "name", true));
      case "integer-range" -> integerRange(description);
      case "multi" -> multi(description);
      default ->
          throw invalid(
              "type", type, "unpartitioned, time-window, static, dynamic, integer-range or multi");
    };
  }

  private static TimeWindowPartitions timeWindow(Map<String, ?> d) {
    String granularity = text(d, "granularity", true);
    ZoneId zone;
    String zoneText = text(d, "zone", true);
    try {
      zone = ZoneId.of(zoneText);
    } catch (DateTimeException e) {
      throw invalid("zone", zoneText, "a time zone ID such as UTC or Europe/Berlin");
    }
    String start = text(d, "start", true);
    TimeWindowPartitions windows =
        switch (granularity) {
          case "hourly" -> TimeWindowPartitions.hourly(hour(start), zone);
          case "daily" -> TimeWindowPartitions.daily(date(start), zone);
          case "weekly" -> TimeWindowPartitions.weekly(date(start), zone, firstDay(d, start));
          case "monthly" -> TimeWindowPartitions.monthly(date(start), zone);
          default -> throw invalid("granularity", granularity, "hourly, daily, weekly or monthly");
        };
    String end = text(d, "end", false);
    if (end == null) {
      return windows;
    }
    try {
      return windows.end(LocalDateTime.parse(end));
    } catch (DateTimeException e) {
      throw invalid("end", end, "a local date-time yyyy-MM-ddTHH:mm");
    }
  }

  private static DayOfWeek firstDay(Map<String, ?> d, String start) {
    String day = text(d, "firstDayOfWeek", false);
    if (day == null) {
      return date(start).getDayOfWeek();
    }
    try {
      return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("firstDayOfWeek", day, "a day of the week such as MONDAY");
    }
  }

  /** The local start of an hourly key {@code yyyy-MM-dd-HH:mm[offset]} (the offset is implied). */
  private static LocalDateTime hour(String key) {
    if (key.length() < 16 || key.charAt(10) != '-') {
      throw invalid("start", key, "an hourly key yyyy-MM-dd-HH:mm");
    }
    try {
      return LocalDateTime.parse(key.substring(0, 10) + "T" + key.substring(11, 16));
    } catch (DateTimeException e) {
      throw invalid("start", key, "an hourly key yyyy-MM-dd-HH:mm");
    }
  }

  private static LocalDate date(String key) {
    try {
      return LocalDate.parse(key);
    } catch (DateTimeException e) {
      throw invalid("start", key, "a date yyyy-MM-dd");
    }
  }

  private static IntegerRangePartitions integerRange(Map<String, ?> d) {
    IntegerRangePartitions from = IntegerRangePartitions.from(number(d, "start", true));
    Long end = number(d, "end", false);
    String name = text(d, "name", false);
    IntegerRangePartitions range = end == null ? from : from.to(end);
    return name == null ? range : range.named(name);
  }

  private static MultiPartitions multi(Map<String, ?> d) {
    Object raw = d.get("dimensions");
    if (!(raw instanceof List<?> list)) {
      throw invalid("dimensions", String.valueOf(raw), "a list of dimensions");
    }
    List<PartitionDimension> dimensions = new ArrayList<>();
    for (Object one : list) {
      if (!(one instanceof Map<?, ?> dim)) {
        throw invalid("dimensions", String.valueOf(one), "a dimension {name, radix, partitions}");
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> fields = (Map<String, ?>) dim;
      Object partitions = fields.get("partitions");
      if (!(partitions instanceof Map<?, ?>)) {
        throw invalid("partitions", String.valueOf(partitions), "a partitions description");
      }
      @SuppressWarnings("unchecked")
      PartitionsDefinition definition = fromDescription((Map<String, ?>) partitions);
      PartitionDimension dimension = PartitionDimension.of(text(fields, "name", true), definition);
      Long radix = number(fields, "radix", false);
      if (radix != null && radix != dimension.radix()) {
        dimension = dimension.capacity(radix);
      }
      dimensions.add(dimension);
    }
    return MultiPartitions.of(dimensions);
  }

  private static List<String> strings(Map<String, ?> d, String field) {
    Object raw = d.get(field);
    if (!(raw instanceof List<?> list)) {
      throw invalid(field, String.valueOf(raw), "a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw invalid(field, String.valueOf(o), "a string key");
      }
      out.add(s);
    }
    return out;
  }

  private static String text(Map<String, ?> d, String field, boolean required) {
    Object raw = d.get(field);
    if (raw == null) {
      if (required) {
        throw invalid(field, null, "a value (the field is required)");
      }
      return null;
    }
    if (!(raw instanceof String s)) {
      throw invalid(field, String.valueOf(raw), "a string");
    }
    return s;
  }

  private static Long number(Map<String, ?> d, String field, boolean required) {
    Object raw = d.get(field);
    if (raw == null) {
      if (required) {
        throw invalid(field, null, "a number (the field is required)");
      }
      return null;
    }
    if (raw instanceof Number n && n.doubleValue() == n.longValue()) {
      return n.longValue();
    }
    throw invalid(field, String.valueOf(raw), "a whole number");
  }

  private static IllegalArgumentException invalid(String field, String value, String expected) {
    return new IllegalArgumentException(
        "partitions description field '" + field + "' is " + value + ": expected " + expected);
  }
}
