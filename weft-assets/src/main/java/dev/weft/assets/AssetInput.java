package dev.weft.assets;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * An upstream asset that a compute reads as data, with the type it reads it as. The compute gets
 * the value through {@link AssetContext#input(AssetInput)}; the graph refuses an upstream whose
 * output type is not assignable to {@code type}.
 *
 * <pre>{@code
 * AssetInput<RawBlocks> raw = AssetInput.of("chain/raw_blocks", RawBlocks.class);
 * }</pre>
 *
 * @param key the upstream asset
 * @param type the type the value is read as
 * @param genericType the full generic type (for example {@code List<Trade>}) an IO manager may use
 *     to read it back; {@code type} when none is known
 * @param <T> the type the value is read as
 */
public record AssetInput<T>(AssetKey key, Class<T> type, Type genericType) {

  /** Validates the input. */
  public AssetInput {
    Objects.requireNonNull(key, "AssetInput.key");
    Objects.requireNonNull(type, "AssetInput.type");
    genericType = genericType == null ? type : genericType;
  }

  /** Returns the input reading the asset at {@code path} as {@code type}. */
  public static <T> AssetInput<T> of(String path, Class<T> type) {
    return new AssetInput<>(AssetKey.of(path), type, type);
  }
}
