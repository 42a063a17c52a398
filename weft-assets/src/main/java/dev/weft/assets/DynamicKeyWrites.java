package dev.weft.assets;

import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.MultiPartitions;
import dev.weft.assets.partitions.PartitionDimension;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.assets.partitions.AddDynamicPartitions;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.RemoveDynamicPartitions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds and removes the keys of dynamic partitions: shared by {@link AssetPartitions} (the assets of
 * the code's graph) and {@link CatalogPartitions} (the assets of the catalog's graph), which differ
 * only in where the definitions of the assets whose status a removal clears come from.
 */
final class DynamicKeyWrites {
  private final Store store;
  private final String namespace;
  private final Clock clock;
  private final Supplier<Map<AssetKey, PartitionsDefinition>> definitions;

  DynamicKeyWrites(
      Store store,
      String namespace,
      Clock clock,
      Supplier<Map<AssetKey, PartitionsDefinition>> definitions) {
    this.store = store;
    this.namespace = namespace;
    this.clock = clock;
    this.definitions = definitions;
  }

  Map<String, Long> add(String name, List<String> keys) {
    keys.forEach(k -> DynamicPartitions.requireKey(name, k));
    commit(new AddDynamicPartitions(namespace, name, keys, clock.instant()));
    Map<String, Long> indexes = reader().dynamicIndexes(namespace, name, keys);
    Map<String, Long> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k, indexes.get(k)));
    return out;
  }

  void remove(String name, List<String> keys) {
    Map<String, Long> present = reader().dynamicIndexes(namespace, name, keys);
    for (String key : keys) {
      if (!present.containsKey(key)) {
        throw new PartitionKeyException(
            key, "dynamic partitions '" + name + "'", "not a current key");
      }
    }
    List<String> assets = new ArrayList<>();
    definitions
        .get()
        .forEach(
            (asset, def) -> {
              if (uses(def, name)) {
                assets.add(asset.path());
              }
            });
    commit(new RemoveDynamicPartitions(namespace, name, keys, assets, clock.instant()));
  }

  private static boolean uses(PartitionsDefinition def, String name) {
    if (def instanceof DynamicPartitions d) {
      return d.name().equals(name);
    }
    if (def instanceof MultiPartitions m) {
      for (PartitionDimension dim : m.dimensions()) {
        if (uses(dim.definition(), name)) {
          return true;
        }
      }
    }
    return false;
  }

  private void commit(dev.weft.store.Write write) {
    CommitResult result = store.commit(Batch.of(write)).join();
    if (result instanceof CommitResult.Conflict conflict) {
      throw new IllegalStateException(conflict.reason());
    }
  }

  private PartitionStatusReader reader() {
    return store.extension(PartitionStatusReader.class);
  }
}
