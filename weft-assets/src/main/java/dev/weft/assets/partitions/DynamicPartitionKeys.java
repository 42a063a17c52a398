package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the keys of {@link DynamicPartitions} live: the catalog implements it over its stored keys;
 * {@link InMemoryDynamicPartitionKeys} holds them in memory (tests, tools). A key's index is its
 * insertion number within its definition's name, never reused: a removed key leaves a hole, and a
 * key added again gets a new index.
 *
 * <p>Implementations are thread-safe.
 */
public interface DynamicPartitionKeys {

  /** The source with no keys (every dynamic definition is empty). */
  static DynamicPartitionKeys none() {
    return NoDynamicKeys.INSTANCE;
  }

  /** Returns the index of {@code key} among the current keys of {@code name}, if it is one. */
  OptionalLong index(String name, String key);

  /** Returns the current key at {@code index} of {@code name}, if there is one. */
  Optional<String> key(String name, long index);

  /** Returns the indexes of the current keys of {@code name} (holes where keys were removed). */
  IndexRangeSet indexes(String name);

  /** The empty source. */
  enum NoDynamicKeys implements DynamicPartitionKeys {
    /** The one instance. */
    INSTANCE;

    @Override
    public OptionalLong index(String name, String key) {
      return OptionalLong.empty();
    }

    @Override
    public Optional<String> key(String name, long index) {
      return Optional.empty();
    }

    @Override
    public IndexRangeSet indexes(String name) {
      return IndexRangeSet.empty();
    }
  }
}
