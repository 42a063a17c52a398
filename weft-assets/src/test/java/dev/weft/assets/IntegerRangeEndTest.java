package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.IntegerPartitionEnd;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A named growing integer range's current end is kept by the catalog: before the first advance its
 * assets have no partition; {@link AssetPartitions#advanceIntegerEnd} makes counts (missing up to
 * the end), the bar, first and last keys and backfills of every asset of that name see it, through
 * the code's graph and the catalog's alike; it never moves backwards; an unnamed growing range
 * keeps knowing no end.
 */
class IntegerRangeEndTest {
  private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final AssetKey BLOCKS = AssetKey.of("chain/blocks");
  private static final AssetKey TRANSFERS = AssetKey.of("chain/transfers");
  private static final AssetKey OTHER = AssetKey.of("side/unnamed");
  private static final IntegerRangePartitions CHAIN = IntegerRangePartitions.from(0).named("chain");

  @TempDir Path dir;
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private Assets start(TestStore store) {
    engine = WeftEngine.builder().store(store.open(dir)).nodeId("integer-end-test").build();
    Assets assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder(BLOCKS.path()).partitions(CHAIN).compute(ctx -> 1),
                Asset.builder(TRANSFERS.path())
                    .partitions(CHAIN)
                    .input(BLOCKS.path(), Integer.class)
                    .compute(ctx -> 2),
                Asset.builder(OTHER.path())
                    .partitions(IntegerRangePartitions.from(0))
                    .compute(ctx -> 3))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .clock(CLOCK)
            .build();
    engine.start();
    return assets;
  }

  private void materialize(AssetKey asset, long start, long end) {
    CommitResult result =
        engine
            .store()
            .commit(
                Batch.of(
                    new RecordPartitionsMaterialized(
                        engine.namespace(),
                        asset.path(),
                        IndexRangeSet.of(new IndexRange(start, end)),
                        start + ".." + (end - 1),
                        new PartitionMaterialization(
                            "run-1", "v" + start, "c1", Map.of(), "{}", NOW, NOW),
                        List.of())))
            .join();
    assertThat(result).isInstanceOf(CommitResult.Committed.class);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theRecordedEndIsWhatCountsBarsAndBackfillsSee(TestStore store) {
    Assets assets = start(store);
    AssetPartitions code = assets.partitions();
    CatalogPartitions catalog = new CatalogPartitions(engine.store(), engine.namespace(), CLOCK);
    materialize(BLOCKS, 0, 10);

    assertThat(code.integerEnd("chain")).isEmpty();
    assertThat(code.counts(BLOCKS).sizeKnown()).isFalse();
    assertThatThrownBy(() -> code.bar(BLOCKS, null, null, 10))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessageContaining("the current end of this growing range is not known");
    assertThat(catalog.lastKey(BLOCKS)).isEmpty();

    IntegerPartitionEnd advanced = code.advanceIntegerEnd("chain", 100);

    assertThat(advanced).isEqualTo(new IntegerPartitionEnd("chain", 100, NOW));
    assertThat(catalog.integerEnd("chain")).contains(advanced);
    for (CatalogPartitionsView view :
        List.<CatalogPartitionsView>of(code::counts, catalog::counts)) {
      assertThat(view.counts(BLOCKS))
          .as("materialized 0..9, missing 10..99")
          .isEqualTo(new AssetPartitionCounts(10, 0, 0, 0, 90, true));
      assertThat(view.counts(TRANSFERS))
          .as("a second asset of the same name sees the same end")
          .isEqualTo(new AssetPartitionCounts(0, 0, 0, 0, 100, true));
    }
    assertThat(code.counts(OTHER).sizeKnown()).as("an unnamed range knows no end").isFalse();
    List<PartitionBucket> bar = catalog.bar(BLOCKS, null, null, 10);
    assertThat(bar).hasSize(10);
    assertThat(bar.get(0).counts().materialized()).isEqualTo(10);
    assertThat(bar.get(9).lastKey()).isEqualTo("99");
    assertThat(catalog.lastKey(BLOCKS)).contains("99");
    assertThat(catalog.missing(TRANSFERS, null, 10).gaps())
        .extracting(g -> g.firstKey() + ".." + g.lastKey())
        .containsExactly("0..99");

    assertThat(code.advanceIntegerEnd("chain", 100).endExclusive())
        .as("the same end again")
        .isEqualTo(100);
    assertThatThrownBy(() -> catalog.advanceIntegerEnd("chain", 40))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("integer range chain")
        .hasMessageContaining("ends at 100")
        .hasMessageContaining("40 would move it backwards");
    assertThatThrownBy(() -> code.advanceIntegerEnd("bad name", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad name'");
    assertThatThrownBy(() -> code.advanceIntegerEnd("chain", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is -1");

    code.advanceIntegerEnd("chain", 120);
    assertThat(catalog.counts(BLOCKS).missing()).isEqualTo(110);
    BackfillRecord backfill =
        assets
            .backfills()
            .launch(BackfillRequest.of("chain/blocks+", PartitionSelection.range("100", "119")));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> assets.backfills().describe(backfill.backfillId()).status().ended());
    assertThat(assets.backfills().describe(backfill.backfillId()).status())
        .isEqualTo(BackfillStatus.COMPLETED);
    assertThat(catalog.counts(TRANSFERS).materialized()).isEqualTo(20);
    assertThat(catalog.missing(TRANSFERS, null, 10).gaps())
        .extracting(g -> g.firstKey() + ".." + g.lastKey())
        .containsExactly("0..99");
  }

  /** Counts through either the code's or the catalog's partitions. */
  private interface CatalogPartitionsView {
    AssetPartitionCounts counts(AssetKey asset);
  }
}
