package dev.weft.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.StaticPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a partitions definition from the description the catalog keeps ({@code partitions} of a
 * node's definition JSON), for a node that does not host the asset code (the API server): static,
 * integer-range and time-window definitions; empty for the others (dynamic, multi), whose keys the
 * hosting node checks when it plans.
 */
public final class CatalogPartitionsDefinitions {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm");

  private CatalogPartitionsDefinitions() {}

  /** Returns the definition the description describes, when it can be rebuilt. */
  public static Optional<PartitionsDefinition> rebuild(JsonNode d) {
    if (d == null || !d.isObject()) {
      return Optional.empty();
    }
    try {
      return switch (d.path("type").asText()) {
        case "static" -> {
          List<String> keys = new ArrayList<>();
          d.path("keys").forEach(k -> keys.add(k.asText()));
          yield Optional.of(StaticPartitions.of(keys));
        }
        case "integer-range" -> {
          IntegerRangePartitions range = IntegerRangePartitions.from(d.path("start").asLong());
          yield Optional.of(d.path("end").isNull() ? range : range.to(d.path("end").asLong()));
        }
        case "time-window" -> timeWindow(d);
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<PartitionsDefinition> timeWindow(JsonNode d) {
    ZoneId zone = ZoneId.of(d.path("zone").asText());
    String start = d.path("start").asText();
    TimeWindowPartitions def =
        switch (d.path("granularity").asText()) {
          case "daily" -> TimeWindowPartitions.daily(LocalDate.parse(start), zone);
          case "monthly" -> TimeWindowPartitions.monthly(LocalDate.parse(start), zone);
          case "weekly" ->
              TimeWindowPartitions.weekly(
                  LocalDate.parse(start),
                  zone,
                  DayOfWeek.valueOf(d.path("firstDayOfWeek").asText("MONDAY")));
          case "hourly" -> TimeWindowPartitions.hourly(LocalDateTime.parse(start, HOUR), zone);
          default -> null;
        };
    if (def == null) {
      return Optional.empty();
    }
    JsonNode end = d.path("end");
    if (!end.isNull() && !end.isMissingNode()) {
      def = def.end(LocalDateTime.parse(end.asText()));
    }
    return Optional.of(def);
  }
}
