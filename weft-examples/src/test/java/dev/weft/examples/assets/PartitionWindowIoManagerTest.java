package dev.weft.examples.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.AssetInput;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetSpec;
import dev.weft.assets.FileIoManager;
import dev.weft.assets.InputContext;
import dev.weft.assets.OutputContext;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.examples.assets.dailytrades.DaySummary;
import dev.weft.examples.assets.dailytrades.SymbolVolume;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IO manager of the partitioned examples, over JSON files: one value per partition; an input
 * declared as partition values gets each key of a range (or of ranges separated by commas) in index
 * order, each read as its value type; every other load is the delegate's.
 */
class PartitionWindowIoManagerTest {
  private static final AssetKey DAYS = AssetKey.of("trades/summary_by_day");
  private static final AssetKey BLOCKS = AssetKey.of("chain/blocks");
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  @TempDir Path dir;

  private PartitionWindowIoManager io() {
    return new PartitionWindowIoManager(
        FileIoManager.json(dir), key -> key.equals(DAYS) ? DAILY : IntegerRangePartitions.from(0));
  }

  @Test
  void aRangeOfDaysIsReadAsTheValueOfEachDayInOrder() throws Exception {
    PartitionWindowIoManager io = io();
    OutputContext out =
        new OutputContext(DAYS, "", AssetSpec.builder(DAYS).type(DaySummary.class).build());
    for (String day : List.of("2023-12-31", "2024-01-01", "2024-01-02", "2024-01-03")) {
      io.store(
          new OutputContext(DAYS, day, out.spec()),
          new DaySummary(day, List.of(new SymbolVolume("WEFT", 1, 2, 3))));
    }
    AssetInput<Object> input = PartitionValues.input(DAYS.path(), DaySummary.class);

    Object read =
        io.load(
            new InputContext(
                DAYS,
                "2024-01-01..2024-01-02,2024-01-03",
                input.type(),
                input.genericType(),
                null));

    assertThat(read).isInstanceOf(PartitionValues.class);
    PartitionValues<?> values = (PartitionValues<?>) read;
    assertThat(values.keys()).containsExactly("2024-01-01", "2024-01-02", "2024-01-03");
    assertThat(values.values())
        .allSatisfy(v -> assertThat(v).isInstanceOf(DaySummary.class))
        .extracting(v -> ((DaySummary) v).day())
        .containsExactly("2024-01-01", "2024-01-02", "2024-01-03");
    assertThat(io.load(new InputContext(DAYS, "2024-01-02", DaySummary.class, null, null)))
        .as("a plain input is the delegate's value")
        .isEqualTo(new DaySummary("2024-01-02", List.of(new SymbolVolume("WEFT", 1, 2, 3))));
  }

  @Test
  void aKeyOutsideTheDefinitionOrNoPartitionIsRefusedNamingIt() {
    AssetInput<Object> input = PartitionValues.input(BLOCKS.path(), Long.class);
    assertThatThrownBy(
            () ->
                io().load(
                        new InputContext(BLOCKS, "5..-1", input.type(), input.genericType(), null)))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(
            () -> io().load(new InputContext(BLOCKS, "", input.type(), input.genericType(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chain/blocks")
        .hasMessageContaining("no partition");
    assertThatThrownBy(() -> new PartitionValues<>(List.of("1", "2"), List.of(1L)))
        .hasMessageContaining("2 partition keys but 1 values");
  }
}
