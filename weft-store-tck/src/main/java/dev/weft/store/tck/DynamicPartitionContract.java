package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.CommitResult;
import dev.weft.store.assets.partitions.AddDynamicPartitions;
import dev.weft.store.assets.partitions.DynamicPartition;
import dev.weft.store.assets.partitions.DynamicPartitionPage;
import dev.weft.store.assets.partitions.RemoveDynamicPartitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the keys of dynamic partitions definitions: indexes by insertion, never reused, an existing
 * key kept; paged listing and key lookups; a removal refused while a run has the partition in
 * progress, and otherwise clearing the status of its index.
 */
public abstract class DynamicPartitionContract extends PartitionStatusFixture {

  private void add(String... keys) {
    commitOk(new AddDynamicPartitions(NS, "customers", List.of(keys), tick()));
  }

  private RemoveDynamicPartitions removal(String... keys) {
    return new RemoveDynamicPartitions(NS, "customers", List.of(keys), List.of("reports"), tick());
  }

  private List<DynamicPartition> all() {
    List<DynamicPartition> all = new ArrayList<>();
    String token = null;
    do {
      DynamicPartitionPage page = partitions().dynamicPartitions(NS, "customers", token, 2);
      all.addAll(page.partitions());
      token = page.nextPageToken();
    } while (token != null);
    return all;
  }

  @Test
  void keysGetIndexesByInsertionThatAreNeverReused() {
    register(computed("reports", "c1"));
    add("acme", "globex", "initech");
    add("globex", "umbrella");

    assertThat(all())
        .containsExactly(
            new DynamicPartition("acme", 0),
            new DynamicPartition("globex", 1),
            new DynamicPartition("initech", 2),
            new DynamicPartition("umbrella", 3));

    commitOk(removal("globex"));
    add("globex");
    assertThat(all())
        .containsExactly(
            new DynamicPartition("acme", 0),
            new DynamicPartition("initech", 2),
            new DynamicPartition("umbrella", 3),
            new DynamicPartition("globex", 4));
    assertThat(partitions().dynamicIndexes(NS, "customers", List.of("umbrella", "nobody", "acme")))
        .isEqualTo(Map.of("umbrella", 3L, "acme", 0L));
    assertThat(partitions().dynamicPartitions(NS, "suppliers", null, 10).partitions()).isEmpty();
    assertThat(partitions().dynamicPartitions("other", "customers", null, 10).partitions())
        .isEmpty();
  }

  @Test
  void aKeyInProgressCannotBeRemovedAndARemovedKeyLosesItsStatus() {
    register(computed("reports", "c1"));
    add("acme", "globex", "initech");
    materialize("reports", 0, 3, "r1");
    claim("reports", 1, 2, "run-42");

    CommitResult.Conflict refused = commitConflict(removal("acme", "globex"));
    assertThat(refused.reason()).contains("'globex'", "index 1", "customers", "run-42", "reports");
    assertThat(all()).hasSize(3);

    CommitResult.Conflict unknown = commitConflict(removal("nobody"));
    assertThat(unknown.reason()).contains("'nobody'", "customers");

    release("reports", 1, 2, "run-42");
    commitOk(removal("acme", "globex"));
    assertThat(all()).containsExactly(new DynamicPartition("initech", 2));
    assertThat(layout("reports")).containsExactly("[2, 3) MATERIALIZED r1");
  }

  @Test
  void badKeysAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new AddDynamicPartitions(NS, "customers", List.of("a", "a"), tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys (of definition customers)[1] repeats a");
    assertThatThrownBy(() -> new AddDynamicPartitions(NS, "customers", List.of(), tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys (of definition customers) is empty");
    assertThatThrownBy(
            () ->
                new RemoveDynamicPartitions(
                    NS, "customers", List.of("a"), List.of("bad key"), tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad key'");
    assertThatThrownBy(() -> partitions().dynamicPartitions(NS, "customers", "x", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageToken 'x'");
  }
}
