package dev.weft.examples.assets;

import dev.weft.assets.AssetContext;
import dev.weft.assets.AssetInput;
import dev.weft.assets.AssetKey;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * The values of several partitions of one upstream asset, in index order: what a partition reads
 * through a mapping that reaches more than one upstream partition (a 7-day rolling window, 100
 * blocks rolled up into one partition). {@link PartitionWindowIoManager} loads it one partition at
 * a time; a compute declares the input with {@link #input} and reads it with {@link #read}.
 *
 * <pre>{@code
 * Asset.builder("trades/volume_7d_by_day")
 *     .input(PartitionValues.input(DAILY_SUMMARY, DaySummary.class), PartitionMapping.timeWindow(-6, 0))
 *     .compute(ctx -> roll(PartitionValues.read(ctx, DAILY_SUMMARY, DaySummary.class)));
 * }</pre>
 *
 * @param keys the partition keys read, in index order
 * @param values the value of each key, in the same order
 * @param <T> the upstream asset's value type
 */
public record PartitionValues<T>(List<String> keys, List<T> values) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException when the lists differ in size
   */
  public PartitionValues {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(
          keys.size() + " partition keys but " + values.size() + " values: expected one per key");
    }
  }

  /**
   * Returns the input reading the asset at {@code path} as the values of every partition its
   * mapping reaches, each read as {@code valueType}.
   */
  public static AssetInput<Object> input(String path, Class<?> valueType) {
    return new AssetInput<>(AssetKey.of(path), Object.class, new Of(valueType));
  }

  /**
   * Returns the values of the input {@code path} declared with {@link #input}.
   *
   * @throws IllegalStateException naming the asset when the IO manager that loaded it did not read
   *     it as partition values (the asset's IO manager is not a {@link PartitionWindowIoManager}),
   *     or naming the partition whose value is not a {@code valueType}
   */
  @SuppressWarnings("unchecked")
  public static <T> PartitionValues<T> read(AssetContext ctx, String path, Class<T> valueType) {
    Object value = ctx.input(path, Object.class);
    if (!(value instanceof PartitionValues<?> values)) {
      throw new IllegalStateException(
          "asset "
              + ctx.assetKey()
              + ": input "
              + path
              + " was loaded as "
              + (value == null ? "null" : value.getClass().getName())
              + ", expected PartitionValues (register a PartitionWindowIoManager)");
    }
    for (int i = 0; i < values.values().size(); i++) {
      Object v = values.values().get(i);
      if (!valueType.isInstance(v)) {
        throw new IllegalStateException(
            "asset "
                + ctx.assetKey()
                + ": partition "
                + values.keys().get(i)
                + " of input "
                + path
                + " is a "
                + (v == null ? "null" : v.getClass().getName())
                + ", expected a "
                + valueType.getName());
      }
    }
    return (PartitionValues<T>) values;
  }

  /** Returns the element type when {@code type} is {@code PartitionValues<E>}, else null. */
  static Class<?> valueTypeOf(Type type) {
    return type instanceof Of of ? of.valueType() : null;
  }

  /** The generic type {@code PartitionValues<valueType>} an input declares. */
  private record Of(Class<?> valueType) implements ParameterizedType {
    Of {
      Objects.requireNonNull(valueType, "valueType");
    }

    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {valueType};
    }

    @Override
    public Type getRawType() {
      return PartitionValues.class;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }

    @Override
    public String getTypeName() {
      return PartitionValues.class.getName() + "<" + valueType.getName() + ">";
    }
  }
}
