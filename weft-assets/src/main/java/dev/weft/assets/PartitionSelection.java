package dev.weft.assets;

import java.util.List;
import java.util.Objects;

/**
 * Which partitions of the selected assets a materialization computes: some keys, or the keys from
 * one to another (both included), of the selected assets' {@code PartitionsDefinition}.
 *
 * <pre>{@code
 * assets.materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-31"));
 * assets.materialize("chain/blocks", PartitionSelection.keys("19000000", "19000001"));
 * }</pre>
 *
 * @param keys the keys, when given as keys; empty for a range
 * @param first the first key of a range; null for keys
 * @param last the last key of a range (included); null for keys
 */
public record PartitionSelection(List<String> keys, String first, String last) {

  /**
   * Validates the selection.
   *
   * @throws IllegalArgumentException when it has neither keys nor a range, or both
   */
  public PartitionSelection {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    boolean range = first != null || last != null;
    if (range && (first == null || last == null)) {
      throw new IllegalArgumentException(
          "a partition range needs a first and a last key, was " + first + ".." + last);
    }
    if (range == !keys.isEmpty()) {
      throw new IllegalArgumentException(
          "select partitions by keys or by a range, not "
              + (range ? "both" : "neither (no key given)"));
    }
  }

  /** Selects these partition keys. */
  public static PartitionSelection keys(String... keys) {
    return new PartitionSelection(List.of(keys), null, null);
  }

  /** Selects these partition keys. */
  public static PartitionSelection keys(List<String> keys) {
    return new PartitionSelection(keys, null, null);
  }

  /** Selects the partitions from {@code first} to {@code last}, both included. */
  public static PartitionSelection range(String first, String last) {
    return new PartitionSelection(List.of(), first, last);
  }

  @Override
  public String toString() {
    return keys.isEmpty() ? first + ".." + last : String.join(",", keys);
  }
}
