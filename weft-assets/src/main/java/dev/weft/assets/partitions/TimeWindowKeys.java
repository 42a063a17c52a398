package dev.weft.assets.partitions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The key format of time windows: Dagster's, plus an offset on a repeated (fall-back) hour. */
final class TimeWindowKeys {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern HOURLY =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(\\d{2}):(\\d{2})([+-]\\d{2}:\\d{2}|Z)?");

  private TimeWindowKeys() {}

  static String format(TimeWindowPartitions def, ZonedDateTime windowStart) {
    if (def.granularity() != TimeGranularity.HOURLY) {
      return windowStart.toLocalDate().toString();
    }
    String key = windowStart.format(HOUR);
    if (!windowStart.withEarlierOffsetAtOverlap().equals(windowStart)) {
      key += windowStart.getOffset().getId();
    }
    return key;
  }

  static long parse(TimeWindowPartitions def, String key) {
    return def.granularity() == TimeGranularity.HOURLY ? parseHour(def, key) : parseDay(def, key);
  }

  private static long parseDay(TimeWindowPartitions def, String key) {
    if (!DATE.matcher(key).matches()) {
      throw PartitionKeyException.ofKey(key, def, "expected a date yyyy-MM-dd");
    }
    LocalDate date = date(def, key, key);
    LocalDate first = def.start().toLocalDate();
    return switch (def.granularity()) {
      case DAILY -> java.time.temporal.ChronoUnit.DAYS.between(first, date);
      case WEEKLY -> {
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, date);
        if (Math.floorMod(days, 7) != 0) {
          throw PartitionKeyException.ofKey(
              key,
              def,
              "not the first day of a week (weeks start on " + first.getDayOfWeek() + ")");
        }
        yield Math.floorDiv(days, 7);
      }
      case MONTHLY -> {
        if (date.getDayOfMonth() != 1) {
          throw PartitionKeyException.ofKey(key, def, "not the first day of a month");
        }
        yield java.time.temporal.ChronoUnit.MONTHS.between(first, date);
      }
      case HOURLY -> throw new IllegalStateException("hourly keys are parsed by parseHour");
    };
  }

  private static long parseHour(TimeWindowPartitions def, String key) {
    Matcher m = HOURLY.matcher(key);
    if (!m.matches()) {
      throw PartitionKeyException.ofKey(key, def, "expected yyyy-MM-dd-HH:mm");
    }
    LocalDate date = date(def, m.group(1), key);
    LocalDateTime local;
    try {
      local = date.atTime(LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      throw PartitionKeyException.ofKey(key, def, "not a time of day HH:mm");
    }
    List<ZoneOffset> offsets = def.zone().getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      throw PartitionKeyException.ofKey(
          key, def, "this local time does not exist in " + def.zone().getId() + " (a DST gap)");
    }
    ZoneOffset offset = offsets.get(0);
    if (m.group(4) != null) {
      offset = ZoneOffset.of(m.group(4));
      if (!offsets.contains(offset)) {
        throw PartitionKeyException.ofKey(
            key, def, "offset " + offset + " is not valid at this time in " + def.zone().getId());
      }
      if (offsets.size() == 1) {
        throw PartitionKeyException.ofKey(
            key, def, "only the second hour of a fall-back change carries an offset");
      }
    }
    ZonedDateTime at = ZonedDateTime.ofLocal(local, def.zone(), offset);
    long index = def.indexAt(at.toInstant());
    if (!def.windowStart(index).toInstant().equals(at.toInstant())) {
      throw PartitionKeyException.ofKey(key, def, "not the start of an hourly window");
    }
    return index;
  }

  private static LocalDate date(TimeWindowPartitions def, String text, String key) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw PartitionKeyException.ofKey(key, def, "not a calendar date");
    }
  }
}
