package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaticPartitionsTest {
  final StaticPartitions regions = StaticPartitions.of("eu", "us", "apac");

  @Test
  void keysAreIndexedByPosition() {
    assertThat(regions.index("apac")).isEqualTo(2);
    assertThat(regions.key(1)).isEqualTo("us");
    assertThat(regions.count(PartitionsContext.at(Instant.EPOCH))).isEqualTo(3);
    assertThat(regions.validIndexes(PartitionsContext.NONE))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, 3)));
    assertThat(regions.description()).containsEntry("type", "static");
    assertThat(regions).isEqualTo(StaticPartitions.of("eu", "us", "apac"));
  }

  @Test
  void badKeysAndDefinitionsAreRefusedWithTheirNames() {
    assertThatThrownBy(() -> regions.index("mars"))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage("partition key 'mars': not one of the keys (static partitions [eu, us, apac])");
    assertThatThrownBy(() -> regions.key(3))
        .hasMessage(
            "partition index 3: expected an index in [0, 3) (static partitions [eu, us, apac])");
    assertThatThrownBy(() -> StaticPartitions.of("a", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("static partitions [a, a]: key 'a' is given twice");
    assertThatThrownBy(() -> StaticPartitions.of("a", ""))
        .hasMessage("static partitions [a, ]: a key is empty");
    assertThatThrownBy(StaticPartitions::of).hasMessage("static partitions need at least one key");
    assertThat(StaticPartitions.of("a", "b", "c", "d", "e", "f").toString())
        .isEqualTo("static partitions [a, b, c, d, e]... (6 keys)");
  }
}
