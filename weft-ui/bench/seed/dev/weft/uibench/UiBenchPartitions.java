package dev.weft.uibench;

import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Batch;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.RecordPartitionsFailed;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The browser benchmark's partitioned asset: {@value #ASSET} with {@value #PARTITIONS} integer-range
 * partitions, in its own namespace {@value #NAMESPACE} (so the 1,000-asset graph the other groups
 * measure stays as it is), its statuses written straight to the store as ranges: the first {@value
 * #MISSING_FROM} materialized, one of them ({@value #FAILED}) failed, the rest missing. The
 * partitions page group measures the status bar on it, and e2e/partitions.e2e.ts seeds a store
 * with it alone.
 *
 * <p>Usage (the asset alone): {@code java -cp weft.jar:CLASSES dev.weft.uibench.UiBenchPartitions
 * FILE}
 */
public final class UiBenchPartitions {
  static final String NAMESPACE = "partitions";
  static final String ASSET = "parts/big";
  static final long PARTITIONS = 10_000_000L;
  static final long MISSING_FROM = 9_500_000L;
  static final long FAILED = 4_242_424L;

  private UiBenchPartitions() {}

  /** Seeds the asset alone into the SQLite file {@code args[0]} (made if missing). */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: UiBenchPartitions FILE (the SQLite store to seed), got " + args.length + " arguments");
    }
    seed(Path.of(args[0]));
  }

  /** Registers the asset in {@value #NAMESPACE} of the store at {@code file} and writes its statuses. */
  static void seed(Path file) {
    try (WeftEngine engine =
        WeftEngine.builder()
            .store(SqliteStore.open(file))
            .nodeId("ui-bench-seed-partitions")
            .namespace(NAMESPACE)
            .build()) {
      Assets.builder(engine)
          .definitions(
              List.of(
                  Asset.builder(ASSET)
                      .group("parts")
                      .partitions(IntegerRangePartitions.from(0).to(PARTITIONS))
                      .output(Integer.class)
                      .compute(ctx -> 1)))
          .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
          .build();
      engine.start();
      Instant now = Instant.now();
      engine
          .store()
          .commit(
              Batch.of(
                  new RecordPartitionsMaterialized(
                      NAMESPACE,
                      ASSET,
                      IndexRangeSet.of(new IndexRange(0, MISSING_FROM)),
                      "0.." + (MISSING_FROM - 1),
                      new PartitionMaterialization(null, "dv-seed", null, Map.of(), "{}", now, now),
                      List.of()),
                  new RecordPartitionsFailed(
                      NAMESPACE,
                      ASSET,
                      IndexRangeSet.of(new IndexRange(FAILED, FAILED + 1)),
                      String.valueOf(FAILED),
                      null,
                      "java.lang.IllegalStateException",
                      "a failure seeded by the browser benchmark",
                      now)))
          .join();
    }
  }
}
