package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Partitions whose keys are added and removed at run time (customers, files): the keys live in the
 * catalog under the definition's name and are read through {@link DynamicPartitionKeys} (the
 * context's {@link PartitionsContext#dynamicKeys()}). A key's index is its insertion number, never
 * reused. Two definitions of one name share their keys.
 *
 * <pre>{@code
 * DynamicPartitions customers = DynamicPartitions.named("customers");
 * long i = customers.index("acme", PartitionsContext.at(now).withDynamicKeys(catalogKeys));
 * }</pre>
 *
 * @param name the name the keys are kept under, {@code [A-Za-z0-9_]+}
 */
public record DynamicPartitions(String name) implements PartitionsDefinition {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /** Validates the name. */
  public DynamicPartitions {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "dynamic partitions name '" + name + "' must match [A-Za-z0-9_]+");
    }
  }

  /** Returns the dynamic partitions named {@code name}. */
  public static DynamicPartitions named(String name) {
    return new DynamicPartitions(name);
  }

  /**
   * Checks that {@code key} can be a key of the dynamic definition {@code name}.
   *
   * @throws PartitionKeyException naming the key and the definition when it is null, empty or
   *     contains {@code |}
   */
  public static void requireKey(String name, String key) {
    if (key == null || key.isEmpty() || key.indexOf('|') >= 0) {
      throw new PartitionKeyException(
          String.valueOf(key),
          "dynamic partitions '" + name + "'",
          "a dynamic key is not empty and has no '|'");
    }
  }

  @Override
  public long index(String key, PartitionsContext ctx) {
    return ctx.dynamicKeys()
        .index(name, key)
        .orElseThrow(() -> PartitionKeyException.ofKey(key, this, "not a current key"));
  }

  @Override
  public String key(long index, PartitionsContext ctx) {
    return ctx.dynamicKeys()
        .key(name, index)
        .orElseThrow(
            () -> PartitionKeyException.ofIndex(index, this, "no current key has this index"));
  }

  @Override
  public IndexRange declaredRange() {
    return new IndexRange(0, Long.MAX_VALUE);
  }

  @Override
  public IndexRangeSet validIndexes(PartitionsContext ctx) {
    return ctx.dynamicKeys().indexes(name);
  }

  @Override
  public Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "dynamic");
    d.put("name", name);
    return d;
  }

  @Override
  public String toString() {
    return "dynamic partitions '" + name + "'";
  }
}
