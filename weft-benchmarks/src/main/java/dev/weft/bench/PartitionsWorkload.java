package dev.weft.bench;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.BackfillRequest;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.backfills.BackfillRecord;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Partitions at scale: an integer-range asset of N partitions (default 10,000,000) materialized in
 * ranged chunks with two downstream assets mapped onto it; then the time of its status counts, of a
 * 1,000-bucket status bar, of invalidating a 1,000-partition range with its cascade, and a backfill
 * of M no-op partitions (default 100,000; partitions per second). Each figure is printed as one
 * JSON line with the heap used after it.
 */
final class PartitionsWorkload implements Workload {
  /** Partitions of the big asset unless {@code --workflows} says otherwise. */
  static final int PARTITIONS = 10_000_000;

  /** Partitions of the backfill unless {@code --activities} says otherwise. */
  static final int BACKFILL = 100_000;

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  @Override
  public String name() {
    return "partitions";
  }

  @Override
  public String description() {
    return "N integer-range partitions (--workflows, default 10,000,000) materialized ranged with"
        + " two downstream assets: status counts, a 1,000-bucket bar, invalidating 1,000"
        + " partitions with cascade, and a backfill of M no-op partitions (--activities, default"
        + " 100,000)";
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.empty();
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(PARTITIONS);
    int m = options.activities(BACKFILL);
    int ranged = Math.max(1, Math.min(100_000, n / 100));
    AtomicReference<Assets> registered = new AtomicReference<>();
    Figures figures = new Figures().put("partitions", n).put("backfill_partitions", m);
    long start = System.nanoTime();
    try (WeftEngine engine =
        env.startEngine(
            e ->
                registered.set(
                    Assets.builder(e)
                        .definitions(
                            Asset.builder("bench/blocks")
                                .partitions(IntegerRangePartitions.from(0).to(n))
                                .rangedCompute(ranged)
                                .output(Long.class)
                                .compute(ctx -> ctx.partitionRange().start()),
                            Asset.builder("bench/enriched")
                                .partitions(IntegerRangePartitions.from(0).to(n))
                                .rangedCompute(ranged)
                                .input("bench/blocks", Long.class)
                                .output(Long.class)
                                .compute(ctx -> 1L),
                            Asset.builder("bench/summary")
                                .partitions(IntegerRangePartitions.from(0).to(n))
                                .rangedCompute(ranged)
                                .input("bench/blocks", Long.class)
                                .output(Long.class)
                                .compute(ctx -> 2L),
                            Asset.builder("bench/noop")
                                .partitions(IntegerRangePartitions.from(0).to(m))
                                .rangedCompute(Math.max(1, Math.min(1_000, m / 100)))
                                .output(Long.class)
                                .compute(ctx -> 0L))
                        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                        .build()))) {
      Assets assets = registered.get();
      AssetKey blocks = AssetKey.of("bench/blocks");
      String last = String.valueOf(n - 1);
      time(
          env,
          figures,
          "materialize_s",
          () -> {
            assets.materialize("bench/blocks+", PartitionSelection.range("0", last)).await(TIMEOUT);
            return null;
          });
      time(env, figures, "counts_ms", () -> assets.partitions().counts(blocks));
      time(env, figures, "bar_1000_ms", () -> assets.partitions().bar(blocks, "0", last, 1000));
      String from = String.valueOf(n / 2);
      String to = String.valueOf(Math.min(n - 1, n / 2 + 999));
      time(
          env,
          figures,
          "invalidate_1000_ms",
          () -> assets.partitions().invalidate(blocks, from, to, "bench re-org"));
      long began = System.nanoTime();
      BackfillRecord bf =
          assets
              .backfills()
              .launch(
                  BackfillRequest.of(
                          "bench/noop", PartitionSelection.range("0", String.valueOf(m - 1)))
                      .maxConcurrentRuns(16));
      while (!assets.backfills().describe(bf.backfillId()).status().ended()) {
        if (System.nanoTime() - began > TIMEOUT.toNanos()) {
          throw new IllegalStateException("backfill " + bf.backfillId() + " did not end");
        }
        LockSupport.parkNanos(5_000_000);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      figures.put("backfill_partitions_per_s", m / seconds);
      say(env, "backfill_partitions_per_s", m / seconds);
    }
    return figures.put("heap_used_mb", heapMb()).wallSeconds((System.nanoTime() - start) / 1e9);
  }

  /** Runs {@code step}, records its time (seconds for a name ending {@code _s}, else ms). */
  private static void time(BenchEnvironment env, Figures figures, String name, Supplier<?> step) {
    long began = System.nanoTime();
    step.get();
    double elapsed = (System.nanoTime() - began) / (name.endsWith("_s") ? 1e9 : 1e6);
    figures.put(name, elapsed);
    say(env, name, elapsed);
  }

  private static void say(BenchEnvironment env, String name, double value) {
    env.say(
        String.format(
            java.util.Locale.ROOT,
            "{\"figure\": \"%s\", \"value\": %.3f, \"heap_used_mb\": %.1f}",
            name,
            value,
            heapMb()));
  }

  private static double heapMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
