package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Adds keys to a dynamic partitions definition: each new key gets the next index (insertion order,
 * never reused, also after a removal); a key the definition already has keeps its index.
 * Unconditional.
 *
 * @param namespace the namespace
 * @param definitionName the dynamic definition's name
 * @param keys the keys, each at most once, at least one
 * @param at when
 */
public record AddDynamicPartitions(
    String namespace, String definitionName, List<String> keys, Instant at) implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field or key is null (named)
   * @throws IllegalArgumentException if the namespace or name is blank, there is no key or a key
   *     repeats
   */
  public AddDynamicPartitions {
    PartitionFields.namespace(namespace);
    PartitionFields.notBlank("definitionName", null, definitionName);
    keys = keys(definitionName, keys);
    PartitionFields.nonNull("at", null, at);
  }

  static List<String> keys(String definition, List<String> keys) {
    List<String> copy =
        PartitionFields.distinct(
            "keys (of definition " + definition + ")", keys, Function.identity());
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(
          "keys (of definition " + definition + ") is empty: expected at least one key");
    }
    return copy;
  }

  /** Null: it belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
