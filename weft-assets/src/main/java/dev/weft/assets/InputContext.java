package dev.weft.assets;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What an {@link IoManager} is told when loading a value.
 *
 * @param key the upstream asset to load
 * @param partition the partition, {@code ""} when unpartitioned
 * @param type the type the downstream compute reads it as
 * @param genericType the full generic type (for example {@code List<Trade>}), or {@code type}
 * @param downstream the asset whose compute reads it
 */
public record InputContext(
    AssetKey key, String partition, Class<?> type, Type genericType, AssetKey downstream) {

  /** Validates the context. */
  public InputContext {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(type, "type");
    genericType = genericType == null ? type : genericType;
  }

  /** Returns the context for reading {@code key} as {@code type} (tests, custom runners). */
  public static InputContext of(AssetKey key, Class<?> type) {
    return new InputContext(key, "", type, type, null);
  }
}
