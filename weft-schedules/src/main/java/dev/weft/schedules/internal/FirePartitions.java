package dev.weft.schedules.internal;

import dev.weft.assets.AssetKey;
import dev.weft.assets.CatalogMaterializer;
import dev.weft.assets.CatalogPartitions;
import dev.weft.assets.SelectionHasPartitionedAssetsException;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The partition a {@code Materialize} action with {@code partitionFromFireTime} materializes: the
 * time window before the one holding the fire time (a daily schedule firing at 00:05 on the 3rd
 * materializes the 2nd), read from the catalog's partition definitions of the selection's
 * time-partitioned assets, which must agree on it.
 */
public final class FirePartitions {
  private final WeftEngine engine;

  /** Reads the catalog of {@code engine}'s store and namespace (on first use). */
  public FirePartitions(WeftEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * Returns the partition key for {@code selection} fired at {@code fireTime}.
   *
   * @throws IllegalArgumentException naming the selection if it holds no partitioned asset, an
   *     asset not partitioned by time windows, or assets whose windows give different keys
   * @throws dev.weft.assets.UnknownAssetException naming keys the catalog lacks
   */
  public String partitionFor(String selection, Instant fireTime) {
    List<AssetKey> partitioned = partitionedKeys(selection);
    CatalogPartitions partitions =
        new CatalogPartitions(engine.store(), engine.namespace(), Clock.systemUTC());
    TreeMap<String, String> keys = new TreeMap<>();
    for (AssetKey asset : partitioned) {
      PartitionsDefinition definition = partitions.definition(asset);
      if (!(definition instanceof TimeWindowPartitions windows)) {
        throw new IllegalArgumentException(
            "partitionFromFireTime of selection '"
                + selection
                + "': asset "
                + asset.path()
                + " is partitioned by "
                + definition
                + ", expected time windows");
      }
      // the key of a time window does not depend on the partitions context
      keys.put(asset.path(), windows.key(windows.indexAt(fireTime) - 1, null));
    }
    if (keys.values().stream().distinct().count() > 1) {
      throw new IllegalArgumentException(
          "partitionFromFireTime of selection '"
              + selection
              + "' at "
              + fireTime
              + ": its assets' windows give different partitions ("
              + keys.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", "))
              + "); expected one");
    }
    return keys.firstEntry().getValue();
  }

  private List<AssetKey> partitionedKeys(String selection) {
    CatalogMaterializer materializer =
        new CatalogMaterializer(
            engine.client(), engine.store().extension(AssetCatalog.class), engine.namespace());
    try {
      materializer.plan(selection);
    } catch (SelectionHasPartitionedAssetsException e) {
      // the documented way to learn which of a selection's assets are partitioned
      return e.partitionedKeys();
    }
    throw new IllegalArgumentException(
        "partitionFromFireTime of selection '"
            + selection
            + "': it holds no partitioned asset; expected time-partitioned assets");
  }
}
