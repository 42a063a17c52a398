package dev.weft.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.MultiPartitions;
import dev.weft.assets.partitions.PartitionDimension;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.StaticPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog's descriptions (JSON, as a node's {@code definitionJson.partitions}) rebuild to the
 * definitions that wrote them for the types a node without the asset code checks keys of, and to
 * nothing for those whose keys only the hosting node can check.
 */
class CatalogPartitionsDefinitionsTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static JsonNode stored(PartitionsDefinition definition) {
    return JSON.valueToTree(definition.description());
  }

  @Test
  void staticIntegerRangeAndTimeWindowDefinitionsRebuildEqual() {
    List<PartitionsDefinition> definitions =
        List.of(
            StaticPartitions.of("eu", "us", "apac"),
            IntegerRangePartitions.from(100),
            IntegerRangePartitions.from(0).to(5_000),
            TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN),
            TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 3), BERLIN, DayOfWeek.WEDNESDAY),
            TimeWindowPartitions.monthly(LocalDate.of(2024, 1, 1), BERLIN)
                .end(LocalDate.of(2025, 1, 1)),
            TimeWindowPartitions.hourly(LocalDateTime.of(2024, 3, 31, 0, 0), BERLIN));
    for (PartitionsDefinition definition : definitions) {
      assertThat(CatalogPartitionsDefinitions.rebuild(stored(definition)))
          .as("rebuilt %s", definition)
          .contains(definition);
    }
  }

  @Test
  void dynamicAndMultiDefinitionsAreLeftToTheHostingNode() {
    assertThat(CatalogPartitionsDefinitions.rebuild(stored(DynamicPartitions.named("customers"))))
        .isEmpty();
    MultiPartitions multi =
        MultiPartitions.of(
            PartitionDimension.of("customer", DynamicPartitions.named("customers")),
            PartitionDimension.of("region", StaticPartitions.of("eu", "us")));
    assertThat(CatalogPartitionsDefinitions.rebuild(stored(multi))).isEmpty();
  }

  @Test
  void aMissingOrUnreadableDescriptionRebuildsNothing() {
    assertThat(CatalogPartitionsDefinitions.rebuild(null)).isEmpty();
    assertThat(CatalogPartitionsDefinitions.rebuild(JSON.getNodeFactory().textNode("daily")))
        .isEmpty();
    assertThat(
            CatalogPartitionsDefinitions.rebuild(
                JSON.createObjectNode()
                    .put("type", "time-window")
                    .put("granularity", "daily")
                    .put("start", "2024-01-01")
                    .put("zone", "Mars/Olympus")))
        .isEmpty();
  }
}
