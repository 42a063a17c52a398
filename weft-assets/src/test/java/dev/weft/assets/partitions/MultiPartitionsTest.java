package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiPartitionsTest {
  static final TimeWindowPartitions DAYS =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  static final StaticPartitions REGIONS = StaticPartitions.of("eu", "us", "apac");

  final MultiPartitions dayRegion =
      MultiPartitions.of(
          PartitionDimension.of("date", DAYS), PartitionDimension.of("region", REGIONS));

  @Test
  void theIndexIsMixedRadixWithTheFirstDimensionMostSignificant() {
    assertThat(dayRegion.index("2024-01-02|us")).isEqualTo(4);
    assertThat(dayRegion.key(4)).isEqualTo("2024-01-02|us");
    assertThat(
            dayRegion.index(Map.of("region", "apac", "date", "2024-01-03"), PartitionsContext.NONE))
        .isEqualTo(8);
    assertThat(dayRegion.declaredRange()).isEqualTo(new IndexRange(0, Long.MAX_VALUE));
    assertThat(dayRegion.validIndexes(PartitionsContext.at(Instant.parse("2024-01-03T05:00:00Z"))))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, 6)));
  }

  @Test
  void threeDimensionsRoundTripWithGrowingAndCapacities() {
    InMemoryDynamicPartitionKeys keys = new InMemoryDynamicPartitionKeys();
    keys.add("customers", "acme", "globex", "initech");
    keys.remove("customers", "globex");
    MultiPartitions three =
        MultiPartitions.of(
            PartitionDimension.of("block", IntegerRangePartitions.from(100)),
            PartitionDimension.of("region", REGIONS),
            PartitionDimension.of("customer", DynamicPartitions.named("customers")).capacity(4));
    PartitionsContext ctx =
        PartitionsContext.at(Instant.EPOCH).withDynamicKeys(keys).withIntegerEnd(102);
    IndexRangeSet valid = three.validIndexes(ctx);
    assertThat(valid.size()).isEqualTo(2 * 3 * 2);
    for (IndexRange r : valid.ranges()) {
      for (long i = r.start(); i < r.end(); i++) {
        String key = three.key(i, ctx);
        assertThat(three.index(key, ctx)).isEqualTo(i);
      }
    }
    assertThat(three.key(0, ctx)).isEqualTo("100|eu|acme");
    assertThat(three.index("101|apac|initech", ctx)).isEqualTo(1 * 12 + 2 * 4 + 2);
    assertThat(three.weight(0)).isEqualTo(12);
    assertThat(three.digit(22, 1)).isEqualTo(2);
    assertThatThrownBy(() -> three.key(1, ctx))
        .hasMessageContaining(
            "dimension customer: partition index 1: no current key has this index");
  }

  @Test
  void badKeysAndDimensionsNameThemAndTheDefinition() {
    String def =
        "multi partitions (date: daily partitions from 2024-01-01 in Z x region: static partitions [eu, us, apac])";
    assertThatThrownBy(() -> dayRegion.index("2024-01-02"))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage(
            "partition key '2024-01-02': expected 2 keys joined by '|' (date|region) ("
                + def
                + ")");
    assertThatThrownBy(() -> dayRegion.index("2024-01-02|mars"))
        .hasMessage(
            "partition key '2024-01-02|mars': dimension region: partition key 'mars': not one of the keys"
                + " (static partitions [eu, us, apac]) ("
                + def
                + ")");
    assertThatThrownBy(() -> dayRegion.dimensionIndex("country"))
        .hasMessage(
            "partition dimension 'country': no such dimension; dimensions are [date, region] ("
                + def
                + ")");
    assertThatThrownBy(
            () ->
                dayRegion.index(
                    Map.of("date", "2024-01-01", "country", "eu"), PartitionsContext.NONE))
        .hasMessageStartingWith("partition dimension 'country': no such dimension");
    assertThatThrownBy(() -> dayRegion.index(Map.of("date", "2024-01-01"), PartitionsContext.NONE))
        .hasMessageContaining("no key for dimension region");
    assertThatThrownBy(
            () ->
                MultiPartitions.of(
                    PartitionDimension.of("region", REGIONS), PartitionDimension.of("date", DAYS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "multi partitions: dimension date (daily partitions from 2024-01-01 in Z) has no end: only the"
                + " first dimension may grow; declare its capacity");
    assertThatThrownBy(() -> MultiPartitions.of(PartitionDimension.of("date", DAYS)))
        .hasMessage("multi partitions need at least two dimensions, got 1");
    assertThatThrownBy(
            () ->
                MultiPartitions.of(
                    PartitionDimension.of("a", DAYS), PartitionDimension.of("a", REGIONS)))
        .hasMessage("multi partitions: dimension a is given twice");
    assertThatThrownBy(
            () ->
                MultiPartitions.of(
                    PartitionDimension.of("d", DAYS),
                    PartitionDimension.of("s", StaticPartitions.of("x|y"))))
        .hasMessage("multi partitions: key 'x|y' of dimension s contains '|'");
    assertThatThrownBy(() -> PartitionDimension.of("region", REGIONS).capacity(2))
        .hasMessage("dimension region: capacity 2 is below its 3 partitions");
    assertThatThrownBy(() -> PartitionDimension.of("bad name", REGIONS))
        .hasMessage("dimension name 'bad name' must match [A-Za-z0-9_]+");
    assertThatThrownBy(() -> PartitionDimension.of("m", dayRegion))
        .hasMessageContaining("expected a one-dimensional definition");
  }

  @Test
  void aGrowingFirstDimensionWithATimeZoneCountsEndedDaysTimesRegions() {
    MultiPartitions berlin =
        MultiPartitions.of(
            PartitionDimension.of(
                "date",
                TimeWindowPartitions.daily(LocalDate.of(2024, 3, 30), ZoneId.of("Europe/Berlin"))),
            PartitionDimension.of("region", REGIONS));
    assertThat(berlin.count(PartitionsContext.at(Instant.parse("2024-04-01T00:00:00Z"))))
        .isEqualTo(6);
    assertThat(berlin.description()).containsEntry("type", "multi");
    assertThat(berlin).isEqualTo(MultiPartitions.of(berlin.dimensions()));
  }
}
