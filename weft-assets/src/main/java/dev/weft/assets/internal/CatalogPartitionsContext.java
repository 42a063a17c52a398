package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.UnknownAssetException;
import dev.weft.assets.partitions.CatalogDynamicPartitionKeys;
import dev.weft.assets.partitions.CatalogIntegerRangeEnds;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.store.Store;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The partitions context of a namespace now: the clock's time, the dynamic keys the catalog holds
 * ({@link CatalogDynamicPartitionKeys}) and the current ends of named growing integer ranges
 * ({@link CatalogIntegerRangeEnds}), so that planners, partition steps, backfills and waits resolve
 * partitions the way {@code AssetPartitions} does. Also a {@link PartitionIndexer} over a graph.
 */
public final class CatalogPartitionsContext implements PartitionIndexer {
  private final Store store;
  private final String namespace;
  private final Clock clock;
  private final AssetGraph graph;

  /**
   * The context of {@code namespace}'s catalog in {@code store}, for the assets of {@code graph}.
   */
  public CatalogPartitionsContext(Store store, String namespace, Clock clock, AssetGraph graph) {
    this.store = store;
    this.namespace = namespace;
    this.clock = clock;
    this.graph = graph;
  }

  /** The context as of now (each call reads the dynamic keys and integer ends afresh). */
  public PartitionsContext now() {
    return at(store, namespace, clock.instant());
  }

  /**
   * The context of {@code namespace}'s catalog in {@code store} at {@code now}: its dynamic keys
   * and named integer ends, each read once, when first asked for.
   */
  public static PartitionsContext at(Store store, String namespace, Instant now) {
    PartitionStatusReader reader = store.extension(PartitionStatusReader.class);
    return PartitionsContext.at(now)
        .withDynamicKeys(new CatalogDynamicPartitionKeys(reader, namespace))
        .withIntegerEnds(new CatalogIntegerRangeEnds(reader, namespace));
  }

  @Override
  public long index(String assetKey, String partitionKey) {
    AssetKey key = AssetKey.of(assetKey);
    if (!graph.contains(key)) {
      throw UnknownAssetException.of(List.of(key), graph.keys());
    }
    AssetNode node = graph.node(key);
    if (!node.definition().partitioning().partitioned()) {
      throw new IllegalArgumentException(
          "asset "
              + assetKey
              + " is not partitioned, so it has no partition '"
              + partitionKey
              + "': wait on the asset as a whole");
    }
    try {
      return node.partitions().index(partitionKey, now());
    } catch (PartitionKeyException e) {
      throw e.forAsset(key);
    }
  }
}
