package dev.weft.assets.partitions;

import dev.weft.assets.AssetKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invalidation did: per asset (the invalidated one first, then every downstream asset the
 * partition mappings reach, in graph order) how many partitions went from materialized to stale.
 *
 * @param invalidationId the invalidation's ID in the catalog
 * @param madeStale per asset, the partitions that became stale (already stale ones only got the
 *     reason)
 */
public record PartitionInvalidation(String invalidationId, Map<AssetKey, Long> madeStale) {

  /** Copies the map, keeping its order. */
  public PartitionInvalidation {
    madeStale = Collections.unmodifiableMap(new LinkedHashMap<>(madeStale));
  }

  /** The partitions that became stale over every asset. */
  public long total() {
    return madeStale.values().stream().mapToLong(Long::longValue).sum();
  }
}
