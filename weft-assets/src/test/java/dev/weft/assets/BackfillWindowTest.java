package dev.weft.assets;

import static dev.weft.assets.BackfillFixture.DAILY;
import static dev.weft.assets.BackfillFixture.ONCE;
import static dev.weft.assets.BackfillFixture.awaitEnd;
import static dev.weft.assets.BackfillFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backfills larger than one planning window (about 200 chunks): the workflow continues as new per
 * window, and what an earlier window left unmaterialized still holds back the chunks reading it.
 */
class BackfillWindowTest {
  @TempDir Path dir;
  @RegisterExtension final BackfillFixture fx = new BackfillFixture();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBackfillLargerThanOneWindowContinuesAsNewAndRunsEveryPartitionOnce(TestStore kind) {
    AssetDefinition blocks =
        Asset.builder("chain/blocks")
            .partitions(IntegerRangePartitions.from(0))
            .output(Long.class)
            .compute(
                ctx -> {
                  fx.count("blocks " + ctx.partitionKey());
                  return 1L;
                });
    AssetDefinition sums =
        Asset.builder("chain/sums")
            .partitions(IntegerRangePartitions.from(0))
            .input("chain/blocks", Long.class)
            .output(Long.class)
            .compute(
                ctx -> {
                  fx.count("sums " + ctx.partitionKey());
                  return ctx.input("chain/blocks", Long.class) + 1;
                });
    Assets assets = fx.start(kind, dir, fx.memory, blocks, sums);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of("chain/blocks+", PartitionSelection.range("0", "249"))
                    .maxConcurrentRuns(16));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(ended.assets())
        .containsExactly(
            new BackfillAssetProgress("chain/blocks", 250, 250, 0, 0, 0),
            new BackfillAssetProgress("chain/sums", 250, 250, 0, 0, 0));
    assertThat(fx.computedTotal()).isEqualTo(500);
    assertThat(fx.computes().values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(fx.engine().client().getHandle(bf.workflowId()).fetchHistory().events().size())
        .as("the last run's history holds one window's events, not the whole backfill's")
        .isLessThan(1_000);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDayWhoseLaggedUpstreamFailedInAnEarlierWindowIsSkipped(TestStore kind) {
    // two steps of one-day chunks: a window holds 100 days (200 chunks), so 2024-04-10, the first
    // day of the second window, reads 2024-04-09, the last day of the first
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .retryPolicy(ONCE)
            .output(String.class)
            .compute(
                ctx -> {
                  fx.count("prices " + ctx.partitionKey());
                  if (ctx.partitionKey().equals("2024-04-09")) {
                    throw new IllegalStateException("no quotes for 2024-04-09");
                  }
                  return "p" + ctx.partitionKey();
                });
    AssetDefinition returns =
        Asset.builder("market/returns")
            .partitions(DAILY)
            .dep("market/prices", PartitionMapping.timeWindow(-1))
            .output(String.class)
            .compute(
                ctx -> {
                  fx.count("returns " + ctx.partitionKey());
                  return "r" + ctx.partitionKey();
                });
    Assets assets = fx.start(kind, dir, fx.memory, prices, returns);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices+", PartitionSelection.range("2024-01-01", "2024-04-30"))
                    .maxConcurrentRuns(8));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.FAILED);
    assertThat(progress(ended, "market/prices"))
        .isEqualTo(new BackfillAssetProgress("market/prices", 121, 120, 1, 0, 0));
    assertThat(progress(ended, "market/returns"))
        .isEqualTo(new BackfillAssetProgress("market/returns", 121, 120, 0, 0, 1));
    assertThat(fx.computed("returns 2024-04-10")).isZero();
    assertThat(fx.computed("returns 2024-04-09")).isEqualTo(1);
    assertThat(fx.computedTotal()).isEqualTo(241);
    List<BackfillChunk> skipped =
        fx.engine()
            .store()
            .extension(BackfillCatalog.class)
            .chunks("default", bf.backfillId(), ChunkStatus.SKIPPED, null, 10)
            .chunks();
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).assetKey()).isEqualTo("market/returns");
    assertThat(skipped.get(0).fromKey()).isEqualTo("2024-04-10");
    assertThat(skipped.get(0).error()).isEqualTo("upstream 2024-04-09 failed");
  }
}
