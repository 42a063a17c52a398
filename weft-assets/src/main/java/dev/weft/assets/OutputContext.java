package dev.weft.assets;

import java.util.Objects;

/**
 * What an {@link IoManager} is told when storing a value.
 *
 * @param key the asset
 * @param partition the partition, {@code ""} when unpartitioned
 * @param spec the asset's spec (its type, metadata, tags)
 */
public record OutputContext(AssetKey key, String partition, AssetSpec spec) {

  /** Validates the context. */
  public OutputContext {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(spec, "spec");
  }

  /** Returns the asset's declared output type. */
  public Class<?> type() {
    return spec.type();
  }
}
