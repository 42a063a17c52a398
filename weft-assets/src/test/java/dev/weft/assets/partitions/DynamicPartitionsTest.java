package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicPartitionsTest {
  final InMemoryDynamicPartitionKeys keys = new InMemoryDynamicPartitionKeys();
  final DynamicPartitions customers = DynamicPartitions.named("customers");
  final PartitionsContext ctx = PartitionsContext.at(Instant.EPOCH).withDynamicKeys(keys);

  @Test
  void keysGetInsertionIndexesThatAreNeverReused() {
    assertThat(keys.add("customers", "acme", "globex", "initech")).containsExactly(0L, 1L, 2L);
    assertThat(keys.add("customers", "globex")).containsExactly(1L);
    assertThat(customers.index("globex", ctx)).isEqualTo(1);
    assertThat(customers.key(2, ctx)).isEqualTo("initech");
    assertThat(keys.remove("customers", "globex")).isTrue();
    assertThat(keys.remove("customers", "globex")).isFalse();
    assertThat(customers.validIndexes(ctx))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(0), IndexRange.of(2)));
    assertThat(customers.count(ctx)).isEqualTo(2);
    assertThat(keys.add("customers", "globex")).containsExactly(3L);
    assertThat(customers.validIndexes(ctx))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(0), new IndexRange(2, 4)));
    assertThat(keys.indexes("other")).isEqualTo(IndexRangeSet.empty());
    assertThat(customers.description())
        .containsEntry("type", "dynamic")
        .containsEntry("name", "customers");
  }

  @Test
  void aRemovedOrUnknownKeyIsRefusedNamingTheDefinition() {
    keys.add("customers", "acme");
    keys.remove("customers", "acme");
    assertThatThrownBy(() -> customers.index("acme", ctx))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage("partition key 'acme': not a current key (dynamic partitions 'customers')");
    assertThatThrownBy(() -> customers.key(0, ctx))
        .hasMessage(
            "partition index 0: no current key has this index (dynamic partitions 'customers')");
    assertThatThrownBy(() -> customers.index("acme")).hasMessageContaining("not a current key");
    assertThatThrownBy(() -> keys.add("customers", "a|b"))
        .hasMessage(
            "partition key 'a|b': a dynamic key is not empty and has no '|' (dynamic partitions 'customers')");
    assertThatThrownBy(() -> DynamicPartitions.named("bad name"))
        .hasMessage("dynamic partitions name 'bad name' must match [A-Za-z0-9_]+");
    assertThat(DynamicPartitionKeys.none().key("customers", 0)).isEmpty();
    assertThat(List.of(customers.declaredRange()))
        .containsExactly(new IndexRange(0, Long.MAX_VALUE));
  }
}
