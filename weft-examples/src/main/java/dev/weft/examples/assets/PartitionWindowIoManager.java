package dev.weft.examples.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.InputContext;
import dev.weft.assets.IoManager;
import dev.weft.assets.OutputContext;
import dev.weft.assets.StoredOutput;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An IO manager that keeps one value per partition in another IO manager and loads the several
 * upstream partitions a mapping reaches as {@link PartitionValues}. A partitioned run asks to load
 * an input for the partition text of what it reads: one key ({@code 2024-01-17}), a range ({@code
 * 2024-01-11..2024-01-17}) or ranges separated by commas; for an input declared with {@link
 * PartitionValues#input} this loads each key of that text from the delegate, in index order. Every
 * other load and every store goes to the delegate unchanged. Thread-safe when the delegate is.
 *
 * <pre>{@code
 * AssetGraph graph = AssetGraph.of(definitions);
 * IoManager io = new PartitionWindowIoManager(FileIoManager.json(dir), k -> graph.node(k).partitions());
 * }</pre>
 */
public final class PartitionWindowIoManager implements IoManager {
  private final IoManager delegate;
  private final Function<AssetKey, PartitionsDefinition> partitions;

  /**
   * Loads and stores through {@code delegate}; {@code partitions} gives each asset's partitions
   * definition (to list the keys of a range).
   */
  public PartitionWindowIoManager(
      IoManager delegate, Function<AssetKey, PartitionsDefinition> partitions) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.partitions = Objects.requireNonNull(partitions, "partitions");
  }

  @Override
  public StoredOutput store(OutputContext output, Object value) throws Exception {
    return delegate.store(output, value);
  }

  @Override
  public Object load(InputContext input) throws Exception {
    Class<?> valueType = PartitionValues.valueTypeOf(input.genericType());
    if (valueType == null) {
      return delegate.load(input);
    }
    List<String> keys = keysOf(input.key(), input.partition());
    List<Object> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(
          delegate.load(
              new InputContext(input.key(), key, valueType, valueType, input.downstream())));
    }
    return new PartitionValues<>(keys, values);
  }

  /** The keys of a partition text: {@code k}, {@code first..last}, joined by commas. */
  private List<String> keysOf(AssetKey asset, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "asset " + asset + " is read as partition values but the run reads no partition of it");
    }
    PartitionsDefinition def = partitions.apply(asset);
    List<String> keys = new ArrayList<>();
    for (String piece : text.split(",")) {
      int dots = piece.indexOf("..");
      if (dots < 0) {
        keys.add(piece);
        continue;
      }
      long first = def.index(piece.substring(0, dots), PartitionsContext.NONE);
      long last = def.index(piece.substring(dots + 2), PartitionsContext.NONE);
      for (long i = first; i <= last; i++) {
        keys.add(def.key(i, PartitionsContext.NONE));
      }
    }
    return keys;
  }
}
