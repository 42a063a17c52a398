package dev.weft.bench;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetPartitions;
import dev.weft.assets.Assets;
import dev.weft.assets.BackfillRequest;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.MaterializationResult;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionInvalidation;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Partition status at scale: an integer-range asset {@code bench/blocks} with N partitions (10
 * million unless {@code --workflows} says otherwise), materialized in ranged runs of {@code
 * --length} partitions, and two downstream assets mapped onto it ({@code bench/decoded} by
 * identity, {@code bench/rollup} by {@code integerToCoarser(1000)}). It times the reads the UI and
 * the API make (status counts, a 1,000-bucket status bar over the whole range), invalidating a
 * 1,000-partition range with its cascade through both downstream assets, and materializing {@code
 * --activities} no-op partitions (100,000 unless told) of a separate asset in ranged runs of 1,000,
 * as partitions per second.
 */
final class PartitionsWorkload implements Workload {
  /** Partitions of {@code bench/blocks} unless {@code --workflows} says otherwise. */
  static final int PARTITIONS = 10_000_000;

  /** Partitions per ranged run of the setup unless {@code --length} says otherwise. */
  static final int RUN_SIZE = 10_000;

  /** No-op partitions materialized for the throughput figure unless {@code --activities}. */
  static final int NOOP_PARTITIONS = 100_000;

  private static final int READS = 20;
  private static final int INVALIDATIONS = 5;
  private static final int BUCKETS = 1_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private static final AssetKey BLOCKS = AssetKey.of("bench/blocks");
  private static final AssetKey DECODED = AssetKey.of("bench/decoded");
  private static final AssetKey ROLLUP = AssetKey.of("bench/rollup");

  @Override
  public String name() {
    return "partitions";
  }

  @Override
  public String description() {
    return "partition status at scale: 10M integer-range partitions and two mapped downstream"
        + " assets: counts, a 1,000-bucket bar, invalidate 1,000 with cascade, 100,000 no-op"
        + " partitions materialized (--workflows partitions, --length run size, --activities no-op"
        + " partitions)";
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.empty();
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int partitions = options.workflows(PARTITIONS);
    int runSize = Math.min(options.length(RUN_SIZE), partitions);
    int noop = options.activities(NOOP_PARTITIONS);
    int rollupSize = 1000;
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0).to(partitions);
    IntegerRangePartitions rollups =
        IntegerRangePartitions.from(0).to(Math.max(1, (partitions + rollupSize - 1) / rollupSize));
    IntegerRangePartitions noops = IntegerRangePartitions.from(0).to(noop);
    int single = Math.max(1, noop / 10);
    IntegerRangePartitions singles = IntegerRangePartitions.from(0).to(single);
    AtomicReference<Assets> registered = new AtomicReference<>();
    try (WeftEngine engine =
        env.startEngine(
            e ->
                registered.set(
                    Assets.builder(e)
                        .definitions(
                            Asset.builder("bench/blocks")
                                .partitions(blocks)
                                .rangedCompute(runSize)
                                .output(Integer.class)
                                .compute(ctx -> 1),
                            Asset.builder("bench/decoded")
                                .partitions(blocks)
                                .dep("bench/blocks", PartitionMapping.identity())
                                .rangedCompute(runSize)
                                .output(Integer.class)
                                .compute(ctx -> 1),
                            Asset.builder("bench/rollup")
                                .partitions(rollups)
                                .dep("bench/blocks", PartitionMapping.integerToCoarser(rollupSize))
                                .rangedCompute(runSize)
                                .output(Integer.class)
                                .compute(ctx -> 1),
                            Asset.builder("bench/noop")
                                .partitions(noops)
                                .rangedCompute(1000)
                                .output(Integer.class)
                                .compute(ctx -> 1),
                            Asset.builder("bench/noop_single")
                                .partitions(singles)
                                .output(Integer.class)
                                .compute(ctx -> 1))
                        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                        .build()))) {
      Assets assets = registered.get();
      AssetPartitions status = assets.partitions();
      String last = String.valueOf(partitions - 1);

      long setupStart = System.nanoTime();
      succeeded(
          assets
              .materialize("bench/blocks bench/decoded", PartitionSelection.range("0", last))
              .await(TIMEOUT));
      succeeded(
          assets
              .materialize(
                  "bench/rollup",
                  PartitionSelection.range("0", String.valueOf(rollups.end().getAsLong() - 1)))
              .await(TIMEOUT));
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      AssetPartitionCounts blockCounts = status.counts(BLOCKS);
      if (blockCounts.count(AssetPartitionStatus.MATERIALIZED) != partitions) {
        throw new IllegalStateException("expected " + partitions + " materialized: " + blockCounts);
      }
      env.say(
          String.format(
              "  %,d partitions x 3 assets materialized in %.1f s", partitions, setupSeconds));

      long countsCold = time(() -> status.counts(DECODED));
      long barCold = time(() -> status.bar(DECODED, null, null, BUCKETS));
      long[] counts = new long[READS];
      long[] bars = new long[READS];
      for (int i = 0; i < READS; i++) {
        counts[i] = time(() -> status.counts(BLOCKS));
        bars[i] = time(() -> status.bar(BLOCKS, null, null, BUCKETS));
      }

      long[] invalidations = new long[INVALIDATIONS];
      long cascaded = 0;
      for (int i = 0; i < INVALIDATIONS; i++) {
        long from = (long) (i + 1) * partitions / (INVALIDATIONS + 2);
        long to = Math.min(partitions - 1, from + 999);
        PartitionInvalidation[] result = new PartitionInvalidation[1];
        invalidations[i] =
            time(
                () ->
                    result[0] =
                        status.invalidate(
                            BLOCKS,
                            String.valueOf(from),
                            String.valueOf(to),
                            "bench: re-org " + from + ".." + to));
        cascaded = result[0].total();
      }
      // the status after invalidations: more ranges to count and draw
      long[] countsAfter = new long[READS];
      long[] barsAfter = new long[READS];
      for (int i = 0; i < READS; i++) {
        countsAfter[i] = time(() -> status.counts(BLOCKS));
        barsAfter[i] = time(() -> status.bar(BLOCKS, null, null, BUCKETS));
      }
      env.say(
          String.format(
              "  invalidated %d ranges of 1,000 blocks; the last made %,d partitions stale",
              INVALIDATIONS, cascaded));

      double noopSeconds = backfill(assets, "bench/noop", noop);
      double singleSeconds = backfill(assets, "bench/noop_single", single);
      env.say(
          String.format(
              "  backfills: %,d no-op partitions in runs of 1,000 in %.2f s, %,d one per run in"
                  + " %.2f s",
              noop, noopSeconds, single, singleSeconds));

      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      return new Figures()
          .put("partitions", partitions)
          .put("setup_s", setupSeconds)
          .put("counts_cold_ms", countsCold / 1e6)
          .put("bar_cold_ms", barCold / 1e6)
          .put("counts_p50_ms", Figures.percentileMillis(counts, 50))
          .put("counts_max_ms", Figures.percentileMillis(counts, 100))
          .put("bar_1000_p50_ms", Figures.percentileMillis(bars, 50))
          .put("bar_1000_max_ms", Figures.percentileMillis(bars, 100))
          .put("invalidate_1000_cascade_p50_ms", Figures.percentileMillis(invalidations, 50))
          .put("invalidate_1000_cascade_max_ms", Figures.percentileMillis(invalidations, 100))
          .put("invalidate_stale_partitions", cascaded)
          .put("counts_after_p50_ms", Figures.percentileMillis(countsAfter, 50))
          .put("bar_1000_after_p50_ms", Figures.percentileMillis(barsAfter, 50))
          .put("noop_partitions", noop)
          .put("noop_partitions_per_s", noop / noopSeconds)
          .put("noop_single_partitions", single)
          .put("noop_single_partitions_per_s", single / singleSeconds)
          .put("heap_used_mb", heap / (1024.0 * 1024.0))
          .wallSeconds(setupSeconds + noopSeconds + singleSeconds);
    }
  }

  /** Backfills partitions 0..n-1 of {@code asset}, 16 runs at a time; returns the seconds. */
  private static double backfill(Assets assets, String asset, int n) {
    long began = System.nanoTime();
    BackfillRecord backfill =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(asset, PartitionSelection.range("0", String.valueOf(n - 1)))
                    .maxConcurrentRuns(16));
    BackfillRecord ended = backfill;
    while (!ended.status().ended()) {
      if (System.nanoTime() - began > TIMEOUT.toNanos()) {
        throw new IllegalStateException("backfill " + backfill.backfillId() + " did not end");
      }
      LockSupport.parkNanos(2_000_000);
      ended = assets.backfills().describe(backfill.backfillId());
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    if (ended.status() != BackfillStatus.COMPLETED) {
      throw new IllegalStateException("the backfill of " + asset + " ended " + ended.status());
    }
    return seconds;
  }

  private static void succeeded(MaterializationResult result) {
    if (!result.succeeded()) {
      throw new IllegalStateException("a materialization of the bench did not succeed: " + result);
    }
  }

  private static long time(Runnable read) {
    long start = System.nanoTime();
    read.run();
    return System.nanoTime() - start;
  }
}
