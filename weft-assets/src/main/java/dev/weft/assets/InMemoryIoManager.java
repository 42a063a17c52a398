package dev.weft.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.internal.Json;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps values in memory, for tests: what a compute returns is what the next one reads (the same
 * object). The data version is the hash of the value's JSON form (Jackson), or of its {@code
 * toString()} when Jackson cannot write it. Thread-safe.
 *
 * <pre>{@code
 * InMemoryIoManager memory = new InMemoryIoManager();
 * memory.put(AssetKey.of("chain/raw_blocks"), givenBlocks); // an upstream value given by the test
 * }</pre>
 */
public final class InMemoryIoManager implements IoManager {
  private record Slot(AssetKey key, String partition) {}

  private final Map<Slot, Object> values = new ConcurrentHashMap<>();
  private final ObjectMapper json = Json.mapper();

  /** Creates an empty one. */
  public InMemoryIoManager() {}

  @Override
  public StoredOutput store(OutputContext output, Object value) {
    values.put(new Slot(output.key(), output.partition()), value);
    return new StoredOutput(versionOf(value), Map.of());
  }

  @Override
  public Object load(InputContext input) {
    Object value = values.get(new Slot(input.key(), input.partition()));
    if (value == null) {
      throw new NoSuchElementException(
          "no value of asset "
              + input.key()
              + (input.partition().isEmpty() ? "" : " partition " + input.partition())
              + " in memory");
    }
    return value;
  }

  /** Sets the value of an unpartitioned asset, as if it had been materialized. */
  public void put(AssetKey key, Object value) {
    values.put(new Slot(key, ""), value);
  }

  /** Returns the value of an unpartitioned asset, if one was stored. */
  public Optional<Object> get(AssetKey key) {
    return Optional.ofNullable(values.get(new Slot(key, "")));
  }

  private DataVersion versionOf(Object value) {
    try {
      return DataVersion.ofBytes(json.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      return DataVersion.ofText(value.getClass().getName() + ":" + value);
    }
  }
}
