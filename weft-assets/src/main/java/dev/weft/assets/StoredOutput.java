package dev.weft.assets;

import java.util.Map;
import java.util.Objects;

/**
 * What an {@link IoManager} stored: the data version of the stored value and metadata about it
 * (path, bytes, rows), recorded with the materialization.
 *
 * @param dataVersion the version of what was stored
 * @param metadata about the stored value
 */
public record StoredOutput(DataVersion dataVersion, Map<String, Object> metadata) {

  /** Validates it. */
  public StoredOutput {
    Objects.requireNonNull(dataVersion, "dataVersion");
    metadata = Map.copyOf(metadata);
  }

  /** Returns the output whose version is the hash of these stored bytes, without metadata. */
  public static StoredOutput ofBytes(byte[] bytes) {
    return new StoredOutput(DataVersion.ofBytes(bytes), Map.of());
  }
}
