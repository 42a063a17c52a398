package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.Write;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.InvalidationCount;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.StatusBar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partition status at the scale of issue 21: an integer-range asset with 10,000,000 partitions
 * materialized in 10,000 ranged writes of 1,000, two downstream assets (one per block, one per
 * 1,000 blocks), then counts, a 1,000-bucket status bar and an invalidation of 1,000 blocks that
 * cascades to both. Asserts correctness only; the times it logs ({@code partition-scale ...} lines
 * on standard output) are for the benchmark, never asserted.
 */
public abstract class PartitionScaleContract extends PartitionStatusFixture {
  private static final long BLOCKS = 10_000_000;
  private static final int CHUNK = 1_000;
  private static final int WRITES_PER_BATCH = 100;

  @Test
  void tenMillionPartitionsInRangesReadAndInvalidateInTimeLinearInRanges() {
    register(
        computed("chain/blocks", "c1"),
        computed("chain/txs", "c1", "chain/blocks"),
        computed("chain/kblocks", "c1", "chain/txs"));
    long built = System.nanoTime();
    List<Write> batch = new ArrayList<>();
    for (long start = 0; start < BLOCKS; start += CHUNK) {
      batch.add(materialized("chain/blocks", start, start + CHUNK, "b" + start));
      if (batch.size() == WRITES_PER_BATCH) {
        commitOk(Batch.of(batch.toArray(Write[]::new)));
        batch.clear();
      }
    }
    for (long start = 0; start < BLOCKS; start += BLOCKS / 10) {
      materialize("chain/txs", start, start + BLOCKS / 10, "t" + start);
    }
    materialize("chain/kblocks", 0, BLOCKS / CHUNK, "k");
    log("build (10,011 ranged writes)", built);

    long counted = System.nanoTime();
    PartitionCounts whole = partitions().counts(NS, "chain/blocks");
    log("counts of the whole asset", counted);
    assertThat(whole).isEqualTo(new PartitionCounts(BLOCKS, 0, 0, 0));
    IndexRange window = new IndexRange(0, BLOCKS);
    counted = System.nanoTime();
    PartitionCounts windowed = partitions().counts(NS, "chain/blocks", window);
    log("counts of a 10,000,000 window (10,000 ranges)", counted);
    assertThat(windowed).isEqualTo(whole);

    long drawn = System.nanoTime();
    StatusBar bar = partitions().bar(NS, "chain/blocks", window, 1_000);
    log("1,000-bucket bar over 10,000,000 (10,000 ranges)", drawn);
    assertThat(bar.buckets()).hasSize(1_000);
    assertThat(bar.buckets()).allMatch(b -> b.counts().materialized() == 10_000);
    logWarm(window);

    StaleReason reorg =
        new StaleReason(
            StaleReasonKind.UPSTREAM_NEWER_DATA, "chain/blocks", "chain/blocks", "re-org");
    long invalidated = System.nanoTime();
    commitOk(
        new InvalidatePartitions(
            NS,
            "reorg",
            List.of(
                new CascadeTarget("chain/blocks", range(5_000_500, 5_001_500), reorg),
                new CascadeTarget(
                    "chain/txs",
                    range(5_000_500, 5_001_500),
                    StaleReason.upstreamStale("chain/blocks", "chain/blocks")),
                new CascadeTarget(
                    "chain/kblocks",
                    range(5_000, 5_002),
                    StaleReason.upstreamStale("chain/txs", "chain/blocks"))),
            tick()));
    log("invalidate 1,000 blocks cascading to two assets", invalidated);

    assertThat(partitions().invalidation(NS, "reorg"))
        .containsExactly(
            new InvalidationCount("chain/blocks", 1_000),
            new InvalidationCount("chain/txs", 1_000),
            new InvalidationCount("chain/kblocks", 2));
    assertThat(partitions().counts(NS, "chain/txs"))
        .isEqualTo(new PartitionCounts(BLOCKS - 1_000, 1_000, 0, 0));
    drawn = System.nanoTime();
    StatusBar after = partitions().bar(NS, "chain/blocks", window, 1_000);
    log("1,000-bucket bar after the invalidation", drawn);
    assertThat(after.buckets().get(500).counts())
        .isEqualTo(new PartitionCounts(9_000, 1_000, 0, 0));
    assertThat(after.buckets().get(499).counts()).isEqualTo(new PartitionCounts(10_000, 0, 0, 0));
    assertThat(partitions().counts(NS, "chain/blocks"))
        .isEqualTo(new PartitionCounts(BLOCKS - 1_000, 1_000, 0, 0));
  }

  /** Logs the median of 20 more reads, once the JIT and the caches are warm. */
  private void logWarm(IndexRange window) {
    long[] counts = new long[20];
    long[] bars = new long[20];
    for (int i = 0; i < counts.length; i++) {
      long started = System.nanoTime();
      partitions().counts(NS, "chain/blocks", window);
      counts[i] = System.nanoTime() - started;
      started = System.nanoTime();
      partitions().bar(NS, "chain/blocks", window, 1_000);
      bars[i] = System.nanoTime() - started;
    }
    Arrays.sort(counts);
    Arrays.sort(bars);
    System.out.printf(
        "partition-scale %s warm medians of 20: window counts %.1f ms, 1,000-bucket bar %.1f ms%n",
        store.capabilities().name(), counts[10] / 1e6, bars[10] / 1e6);
  }

  private void log(String what, long startedNanos) {
    System.out.printf(
        "partition-scale %s %s: %.1f ms%n",
        store.capabilities().name(), what, (System.nanoTime() - startedNanos) / 1e6);
  }
}
