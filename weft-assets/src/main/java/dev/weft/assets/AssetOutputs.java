package dev.weft.assets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values a multi-asset's compute returns, one per output key.
 *
 * <pre>{@code
 * return AssetOutputs.of("market/trades", trades).and("market/prices", prices);
 * }</pre>
 */
public final class AssetOutputs {
  private final Map<AssetKey, Object> values;

  private AssetOutputs(Map<AssetKey, Object> values) {
    this.values = values;
  }

  /** Returns outputs holding one value. */
  public static AssetOutputs of(String path, Object value) {
    return new AssetOutputs(new LinkedHashMap<>()).and(path, value);
  }

  /**
   * Returns these outputs and one more value.
   *
   * @throws IllegalArgumentException when the key already has a value
   */
  public AssetOutputs and(String path, Object value) {
    AssetKey key = AssetKey.of(path);
    Map<AssetKey, Object> next = new LinkedHashMap<>(values);
    if (next.put(key, Objects.requireNonNull(value, "value of " + path)) != null) {
      throw new IllegalArgumentException("output " + key + " is given twice");
    }
    return new AssetOutputs(next);
  }

  /** Returns the values by output key, in the order given. */
  public Map<AssetKey, Object> values() {
    return Collections.unmodifiableMap(values);
  }
}
