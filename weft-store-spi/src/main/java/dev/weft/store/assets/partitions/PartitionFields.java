package dev.weft.store.assets.partitions;

import dev.weft.store.assets.AssetKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The checks the partition writes share; each failure names the field, the asset and the value. */
final class PartitionFields {
  private PartitionFields() {}

  static String namespace(String value) {
    if (value == null) {
      throw new NullPointerException("namespace is null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("namespace is blank: expected a non-blank string");
    }
    return value;
  }

  static String asset(String field, String value) {
    return AssetKeys.requireAssetKey(field, value);
  }

  static <T> T nonNull(String field, String asset, T value) {
    if (value == null) {
      throw new NullPointerException(name(field, asset) + " is null");
    }
    return value;
  }

  static String notBlank(String field, String asset, String value) {
    nonNull(field, asset, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          name(field, asset) + " is blank: expected a non-blank string");
    }
    return value;
  }

  static String nullOrNotBlank(String field, String asset, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(
          name(field, asset) + " is blank: expected null (none) or a non-blank string");
    }
    return value;
  }

  /** Returns {@code ranges} if it holds at least one partition. */
  static IndexRangeSet ranges(String field, String asset, IndexRangeSet ranges) {
    nonNull(field, asset, ranges);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException(
          name(field, asset) + " is empty: expected at least one partition index range");
    }
    return ranges;
  }

  /** Copies {@code items}, refusing null items and two items with the same key. */
  static <T> List<T> distinct(String field, List<T> items, Function<? super T, ?> key) {
    if (items == null) {
      throw new NullPointerException(field + " is null");
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) {
        throw new NullPointerException(field + "[" + i + "] is null");
      }
      if (!seen.add(key.apply(item))) {
        throw new IllegalArgumentException(
            field + "[" + i + "] repeats " + key.apply(item) + ": expected each at most once");
      }
    }
    return List.copyOf(items);
  }

  static String name(String field, String asset) {
    return asset == null ? field : field + " (of asset " + asset + ")";
  }
}
