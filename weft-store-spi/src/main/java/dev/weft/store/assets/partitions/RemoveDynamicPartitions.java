package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Removes keys from a dynamic partitions definition, and the status of their indexes from the
 * assets that use it. Conditional: the batch fails with a conflict naming the key, its index, the
 * asset and the run when one of {@code assetKeys} has the partition {@link
 * PartitionStatus#IN_PROGRESS}, or naming the key when the definition does not have it; nothing is
 * removed then.
 *
 * @param namespace the namespace
 * @param definitionName the dynamic definition's name
 * @param keys the keys, each at most once, at least one
 * @param assetKeys the assets partitioned by the definition (computed by {@code weft-assets})
 * @param at when
 */
public record RemoveDynamicPartitions(
    String namespace, String definitionName, List<String> keys, List<String> assetKeys, Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field or key is null (named)
   * @throws IllegalArgumentException if the namespace or name is blank, there is no key, a key or
   *     asset repeats, or an asset key is malformed
   */
  public RemoveDynamicPartitions {
    PartitionFields.namespace(namespace);
    PartitionFields.notBlank("definitionName", null, definitionName);
    keys = AddDynamicPartitions.keys(definitionName, keys);
    assetKeys = PartitionFields.distinct("assetKeys", assetKeys, Function.identity());
    for (String asset : assetKeys) {
      PartitionFields.asset("assetKeys item", asset);
    }
    PartitionFields.nonNull("at", null, at);
  }

  /** Null: it belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
