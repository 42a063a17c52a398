package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Dynamic partition keys kept in memory: for tests and tools; the catalog keeps them durably. Keys
 * get increasing indexes in the order they are added, never reused. Thread-safe (synchronized).
 *
 * <pre>{@code
 * InMemoryDynamicPartitionKeys keys = new InMemoryDynamicPartitionKeys();
 * keys.add("customers", "acme", "globex");   // indexes 0 and 1
 * keys.remove("customers", "acme");          // index 0 is gone for good
 * }</pre>
 */
public final class InMemoryDynamicPartitionKeys implements DynamicPartitionKeys {
  private final Map<String, Keys> byName = new HashMap<>();

  private static final class Keys {
    final Map<String, Long> indexes = new HashMap<>();
    final TreeMap<Long, String> keys = new TreeMap<>();
    long next;
  }

  /**
   * Adds keys to {@code name}; a key already present keeps its index.
   *
   * @return the indexes of the keys, in the order given
   * @throws IllegalArgumentException naming an empty key or one containing {@code |}
   */
  public synchronized List<Long> add(String name, String... keys) {
    Keys k = byName.computeIfAbsent(name, n -> new Keys());
    List<Long> out = new ArrayList<>();
    for (String key : keys) {
      DynamicPartitions.requireKey(name, key);
      Long index = k.indexes.get(key);
      if (index == null) {
        index = k.next++;
        k.indexes.put(key, index);
        k.keys.put(index, key);
      }
      out.add(index);
    }
    return out;
  }

  /** Removes a key of {@code name}; returns whether it was there. */
  public synchronized boolean remove(String name, String key) {
    Keys k = byName.get(name);
    Long index = k == null ? null : k.indexes.remove(key);
    if (index == null) {
      return false;
    }
    k.keys.remove(index);
    return true;
  }

  @Override
  public synchronized OptionalLong index(String name, String key) {
    Keys k = byName.get(name);
    Long index = k == null ? null : k.indexes.get(key);
    return index == null ? OptionalLong.empty() : OptionalLong.of(index);
  }

  @Override
  public synchronized Optional<String> key(String name, long index) {
    Keys k = byName.get(name);
    return k == null ? Optional.empty() : Optional.ofNullable(k.keys.get(index));
  }

  @Override
  public synchronized IndexRangeSet indexes(String name) {
    Keys k = byName.get(name);
    if (k == null) {
      return IndexRangeSet.empty();
    }
    List<IndexRange> ranges = new ArrayList<>();
    long start = -1;
    long previous = -2;
    for (long index : k.keys.keySet()) {
      if (index != previous + 1) {
        if (start >= 0) {
          ranges.add(new IndexRange(start, previous + 1));
        }
        start = index;
      }
      previous = index;
    }
    if (start >= 0) {
      ranges.add(new IndexRange(start, previous + 1));
    }
    return IndexRangeSet.of(ranges);
  }
}
