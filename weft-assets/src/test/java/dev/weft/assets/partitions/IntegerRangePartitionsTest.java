package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IntegerRangePartitionsTest {

  @Test
  void theIndexIsTheNumber() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(1000).to(2000);
    assertThat(blocks.index("1500")).isEqualTo(1500);
    assertThat(blocks.key(1999)).isEqualTo("1999");
    assertThat(blocks.declaredRange()).isEqualTo(new IndexRange(1000, 2000));
    assertThat(blocks.count(PartitionsContext.NONE)).isEqualTo(1000);
    assertThat(blocks.growing()).isFalse();
    assertThat(blocks.description())
        .containsEntry("type", "integer-range")
        .containsEntry("start", 1000L)
        .containsEntry("end", 2000L);
  }

  @Test
  void aGrowingRangeEndsWhereTheContextOrASnapshotSays() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    assertThat(blocks.growing()).isTrue();
    assertThat(blocks.declaredRange()).isEqualTo(new IndexRange(0, Long.MAX_VALUE));
    assertThat(blocks.count(PartitionsContext.at(Instant.EPOCH))).isZero();
    PartitionsContext head = PartitionsContext.at(Instant.EPOCH).withIntegerEnd(10_000_000);
    assertThat(blocks.validIndexes(head))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, 10_000_000)));
    assertThat(blocks.count(head.withIntegerEnd(10_000_015))).isEqualTo(10_000_015);
    assertThat(blocks.index("19000000")).isEqualTo(19_000_000);
    assertThat(blocks.upTo(500).count(PartitionsContext.NONE)).isEqualTo(500);
    assertThat(blocks.to(100).upTo(500).count(PartitionsContext.NONE)).isEqualTo(100);
    assertThat(blocks.toString()).isEqualTo("integer range partitions from 0, growing");
  }

  @Test
  void badNumbersAreRefusedNamingTheDefinition() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(10).to(20);
    assertThatThrownBy(() -> blocks.index("9"))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage(
            "partition key '9': expected a number in [10, 20) (integer range partitions from 10 to 20 (exclusive))");
    assertThatThrownBy(() -> blocks.index("012"))
        .hasMessageContaining("not a number (digits, no sign, no leading 0)");
    assertThatThrownBy(() -> blocks.index("-1")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> blocks.index("9999999999999999999")).hasMessageContaining("too large");
    assertThatThrownBy(() -> blocks.key(20))
        .hasMessageStartingWith("partition index 20: expected a number in [10, 20)");
    assertThatThrownBy(() -> IntegerRangePartitions.from(-1))
        .hasMessage("integer range partitions start at -1: expected a number >= 0");
    assertThatThrownBy(() -> IntegerRangePartitions.from(5).to(5))
        .hasMessage("integer range partitions from 5 to 5 are empty");
  }

  @Test
  void aNamedRangeEndsWhereTheEndsUnderItsNameSayElseWhereTheContextSays() {
    IntegerRangePartitions chain = IntegerRangePartitions.from(0).named("chain");
    IntegerRangeEnds ends =
        name -> name.equals("chain") ? OptionalLong.of(120) : OptionalLong.empty();
    PartitionsContext ctx = PartitionsContext.at(Instant.EPOCH).withIntegerEnds(ends);

    assertThat(chain.count(ctx)).isEqualTo(120);
    assertThat(chain.count(ctx.withIntegerEnd(500))).as("the named end wins").isEqualTo(120);
    assertThat(IntegerRangePartitions.from(0).named("other").count(ctx.withIntegerEnd(7)))
        .as("no end under its name: the context's")
        .isEqualTo(7);
    assertThat(IntegerRangePartitions.from(0).count(ctx)).as("unnamed: no end known").isZero();
    assertThat(chain.to(50).count(ctx)).as("a fixed end caps it").isEqualTo(50);
    assertThat(chain.to(50).name()).isEqualTo("chain");
    assertThat(chain.description()).containsEntry("name", "chain");
    assertThat(IntegerRangePartitions.from(0).description()).doesNotContainKey("name");
    assertThat(chain.toString()).isEqualTo("integer range partitions 'chain' from 0, growing");
    assertThat(chain).isNotEqualTo(IntegerRangePartitions.from(0));
    assertThatThrownBy(() -> IntegerRangePartitions.from(0).named("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("integer range partitions name 'bad name' must match [A-Za-z0-9_]+");
    assertThatThrownBy(() -> IntegerRangePartitions.from(0).named(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name is null");
  }
}
