package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed list of keys, each indexed by its position: {@code StaticPartitions.of("eu", "us",
 * "apac")} has {@code eu} at 0. Immutable and thread-safe.
 */
public final class StaticPartitions implements PartitionsDefinition {
  private final List<String> keys;
  private final Map<String, Integer> positions;

  private StaticPartitions(List<String> keys) {
    this.keys = List.copyOf(keys);
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < this.keys.size(); i++) {
      String key = this.keys.get(i);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("static partitions " + keys + ": a key is empty");
      }
      if (map.put(key, i) != null) {
        throw new IllegalArgumentException(
            "static partitions " + keys + ": key '" + key + "' is given twice");
      }
    }
    if (this.keys.isEmpty()) {
      throw new IllegalArgumentException("static partitions need at least one key");
    }
    this.positions = map;
  }

  /**
   * Returns the definition of these keys, indexed in this order.
   *
   * @throws IllegalArgumentException when there is no key, an empty key or a key given twice
   */
  public static StaticPartitions of(String... keys) {
    return new StaticPartitions(List.of(keys));
  }

  /** See {@link #of(String...)}. */
  public static StaticPartitions of(List<String> keys) {
    return new StaticPartitions(keys);
  }

  /** Returns the keys, in index order. */
  public List<String> keys() {
    return keys;
  }

  @Override
  public long index(String key, PartitionsContext ctx) {
    Integer index = positions.get(key);
    if (index == null) {
      throw PartitionKeyException.ofKey(key, this, "not one of the keys");
    }
    return index;
  }

  @Override
  public String key(long index, PartitionsContext ctx) {
    if (index < 0 || index >= keys.size()) {
      throw PartitionKeyException.ofIndex(
          index, this, "expected an index in [0, " + keys.size() + ")");
    }
    return keys.get((int) index);
  }

  @Override
  public IndexRange declaredRange() {
    return new IndexRange(0, keys.size());
  }

  @Override
  public IndexRangeSet validIndexes(PartitionsContext ctx) {
    return IndexRangeSet.of(declaredRange());
  }

  @Override
  public Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "static");
    d.put("keys", keys);
    return d;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StaticPartitions s && s.keys.equals(keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }

  @Override
  public String toString() {
    String shown =
        keys.size() <= 5 ? keys.toString() : keys.subList(0, 5) + "... (" + keys.size() + " keys)";
    return "static partitions " + shown;
  }
}
