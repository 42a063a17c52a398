package dev.weft.assets;

import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.assets.partitions.AdvanceIntegerPartitionEnd;
import dev.weft.store.assets.partitions.IntegerPartitionEnd;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.time.Clock;
import java.util.Optional;

/**
 * Moves and reads the current end of named growing integer ranges ({@link
 * IntegerRangePartitions#named}): shared by {@link AssetPartitions} and {@link CatalogPartitions}.
 */
final class IntegerEndWrites {
  private final Store store;
  private final String namespace;
  private final Clock clock;

  IntegerEndWrites(Store store, String namespace, Clock clock) {
    this.store = store;
    this.namespace = namespace;
    this.clock = clock;
  }

  IntegerPartitionEnd advance(String name, long endExclusive) {
    requireName(name);
    if (endExclusive < 0) {
      throw new IllegalArgumentException(
          "the end of integer range " + name + " is " + endExclusive + ": expected a number >= 0");
    }
    CommitResult result =
        store
            .commit(
                Batch.of(
                    new AdvanceIntegerPartitionEnd(namespace, name, endExclusive, clock.instant())))
            .join();
    if (result instanceof CommitResult.Conflict conflict) {
      throw new IllegalStateException(conflict.reason());
    }
    return current(name).orElseThrow();
  }

  Optional<IntegerPartitionEnd> current(String name) {
    requireName(name);
    return store.extension(PartitionStatusReader.class).integerPartitionEnd(namespace, name);
  }

  private static void requireName(String name) {
    IntegerRangePartitions.from(0).named(name);
  }
}
