package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.assets.partitions.IndexRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PartitionsDefinitions#fromDescription} rebuilds every built-in definition, property style:
 * random definitions of every type (DST zones, hourly starts inside gaps and overlaps, ends,
 * capacities), each rebuilt from its description as the catalog keeps it (through JSON), must be
 * equal and translate sampled indexes to the same keys and back.
 */
class PartitionsDefinitionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Sao_Paulo"),
          ZoneId.of("Asia/Kolkata"));

  private final InMemoryDynamicPartitionKeys dynamicKeys = new InMemoryDynamicPartitionKeys();
  private final PartitionsContext ctx = PartitionsContext.NONE.withDynamicKeys(dynamicKeys);

  /** Half the growing ranges keep their end in the catalog under a name. */
  private static IntegerRangePartitions named(Random random, IntegerRangePartitions growing) {
    return random.nextBoolean()
        ? growing.named(random.nextBoolean() ? "chain" : "l2_chain")
        : growing;
  }

  @Test
  void everyRandomDefinitionRebuildsFromItsDescriptionThroughJson() throws Exception {
    dynamicKeys.add("customers", "acme", "globex", "initech", "umbrella");
    dynamicKeys.remove("customers", "globex");
    Random random = new Random(21);
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      PartitionsDefinition original = randomDefinition(random, true);
      Map<String, Object> stored =
          JSON.readValue(JSON.writeValueAsString(original.description()), new TypeReference<>() {});
      PartitionsDefinition rebuilt = PartitionsDefinitions.fromDescription(stored);
      assertThat(rebuilt.description()).isEqualTo(original.description());
      if (!startsInAGap(original)) {
        assertThat(rebuilt).as("rebuilt %s", original).isEqualTo(original);
        assertThat(rebuilt.toString()).isEqualTo(original.toString());
      }
      checked += sameKeys(original, rebuilt, random);
    }
    assertThat(checked).isGreaterThan(2_000);
  }

  @Test
  void hourlyWindowsAcrossDstChangesKeepTheirKeys() {
    ZoneId newYork = ZoneId.of("America/New_York");
    for (TimeWindowPartitions hours :
        List.of(
            TimeWindowPartitions.hourly(LocalDateTime.of(2024, 3, 10, 2, 0), newYork),
            TimeWindowPartitions.hourly(LocalDateTime.of(2024, 11, 3, 1, 0), newYork),
            TimeWindowPartitions.hourly(LocalDateTime.of(2024, 11, 2, 22, 30), newYork)
                .end(LocalDateTime.of(2024, 11, 4, 0, 0)))) {
      PartitionsDefinition rebuilt = PartitionsDefinitions.fromDescription(hours.description());
      for (long i = 0; i < Math.min(40, hours.declaredRange().end()); i++) {
        assertThat(rebuilt.key(i)).isEqualTo(hours.key(i));
        assertThat(rebuilt.index(hours.key(i))).isEqualTo(i);
      }
    }
    TimeWindowPartitions fallBack =
        TimeWindowPartitions.hourly(LocalDateTime.of(2024, 11, 3, 0, 0), newYork);
    PartitionsDefinition rebuilt = PartitionsDefinitions.fromDescription(fallBack.description());
    assertThat(rebuilt.key(2)).isEqualTo("2024-11-03-01:00-05:00");
    assertThat(rebuilt.index("2024-11-03-01:00-05:00")).isEqualTo(2);
  }

  @Test
  void aBadDescriptionNamesTheFieldTheValueAndWhatWasExpected() {
    assertThatThrownBy(() -> PartitionsDefinitions.fromDescription(Map.of("type", "cubic")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'type' is cubic")
        .hasMessageContaining("time-window");
    assertThatThrownBy(
            () ->
                PartitionsDefinitions.fromDescription(
                    Map.of(
                        "type",
                        "time-window",
                        "granularity",
                        "daily",
                        "start",
                        "2024-01-01",
                        "zone",
                        "Mars/Base")))
        .hasMessageContaining("'zone' is Mars/Base");
    assertThatThrownBy(
            () ->
                PartitionsDefinitions.fromDescription(
                    Map.of(
                        "type",
                        "time-window",
                        "granularity",
                        "yearly",
                        "start",
                        "2024-01-01",
                        "zone",
                        "UTC")))
        .hasMessageContaining("'granularity' is yearly");
    assertThatThrownBy(() -> PartitionsDefinitions.fromDescription(Map.of("type", "integer-range")))
        .hasMessageContaining("'start' is null");
    assertThatThrownBy(
            () ->
                PartitionsDefinitions.fromDescription(
                    Map.of("type", "integer-range", "start", "ten")))
        .hasMessageContaining("'start' is ten: expected a whole number");
    assertThatThrownBy(
            () -> PartitionsDefinitions.fromDescription(Map.of("type", "static", "keys", "eu")))
        .hasMessageContaining("'keys' is eu");
  }

  /**
   * Whether hourly windows were declared from a local time a DST gap skips: their first window
   * starts after the gap, which is what the description says, so the rebuilt definition declares
   * that start (equal in behaviour, not in its declared start).
   */
  private static boolean startsInAGap(PartitionsDefinition d) {
    if (d instanceof MultiPartitions m) {
      return m.dimensions().stream().anyMatch(x -> startsInAGap(x.definition()));
    }
    return d instanceof TimeWindowPartitions t
        && t.zone().getRules().getValidOffsets(t.start()).isEmpty();
  }

  /** Compares keys of sampled indexes; returns how many were compared. */
  private int sameKeys(PartitionsDefinition original, PartitionsDefinition rebuilt, Random random) {
    List<Long> indexes = new ArrayList<>();
    IndexRange declared = original.declaredRange();
    long end = Math.min(declared.end(), declared.start() + 1_000);
    for (long i = declared.start(); i < end; i++) {
      indexes.add(i);
    }
    if (original instanceof TimeWindowPartitions t && t.end().isEmpty()) {
      long far = t.computableEnd();
      for (int k = 0; k < 20; k++) {
        indexes.add(Math.floorMod(random.nextLong(), far));
      }
    }
    int n = 0;
    for (long i : indexes) {
      String key;
      try {
        key = original.key(i, ctx);
      } catch (PartitionKeyException e) {
        assertThatThrownBy(() -> rebuilt.key(i, ctx)).isInstanceOf(PartitionKeyException.class);
        continue;
      }
      assertThat(rebuilt.key(i, ctx)).isEqualTo(key);
      assertThat(rebuilt.index(key, ctx)).isEqualTo(i);
      n++;
    }
    return n;
  }

  private PartitionsDefinition randomDefinition(Random random, boolean multiAllowed) {
    int kind = random.nextInt(multiAllowed ? 5 : 4);
    return switch (kind) {
      case 0 -> randomWindows(random);
      case 1 -> StaticPartitions.of(randomKeys(random));
      case 2 ->
          random.nextBoolean()
              ? named(random, IntegerRangePartitions.from(random.nextInt(1000)))
              : IntegerRangePartitions.from(random.nextInt(1000)).to(1000 + random.nextInt(5000));
      case 3 -> DynamicPartitions.named(random.nextBoolean() ? "customers" : "files");
      default -> randomMulti(random);
    };
  }

  private MultiPartitions randomMulti(Random random) {
    PartitionDimension first = PartitionDimension.of("first", randomDefinition(random, false));
    PartitionsDefinition second =
        switch (random.nextInt(3)) {
          case 0 -> StaticPartitions.of(randomKeys(random));
          case 1 -> IntegerRangePartitions.from(random.nextInt(10)).to(20 + random.nextInt(20));
          default -> DynamicPartitions.named("customers");
        };
    PartitionDimension dim = PartitionDimension.of("second", second);
    if (dim.radix() == 0 || random.nextBoolean()) {
      dim = dim.capacity(Math.max(dim.radix(), 1) + 8 + random.nextInt(8));
    }
    return MultiPartitions.of(first, dim);
  }

  private static TimeWindowPartitions randomWindows(Random random) {
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    LocalDate day = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(365 * 30));
    TimeWindowPartitions windows =
        switch (random.nextInt(4)) {
          case 0 ->
              TimeWindowPartitions.hourly(
                  day.atTime(random.nextInt(24), random.nextBoolean() ? 0 : 30), zone);
          case 1 -> TimeWindowPartitions.daily(day, zone);
          case 2 -> TimeWindowPartitions.weekly(day, zone, DayOfWeek.of(1 + random.nextInt(7)));
          default -> TimeWindowPartitions.monthly(day, zone);
        };
    if (random.nextBoolean()) {
      return windows.end(windows.windowStart(5 + random.nextInt(3000)).toLocalDateTime());
    }
    return windows;
  }

  private static List<String> randomKeys(Random random) {
    List<String> keys = new ArrayList<>();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      keys.add("k" + i + "-" + random.nextInt(100));
    }
    return keys;
  }
}
