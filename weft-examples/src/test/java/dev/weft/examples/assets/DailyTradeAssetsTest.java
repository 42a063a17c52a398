package dev.weft.examples.assets;

import static dev.weft.examples.assets.dailytrades.DailyTradeAssets.DAILY_SUMMARY;
import static dev.weft.examples.assets.dailytrades.DailyTradeAssets.DAILY_TRADES;
import static dev.weft.examples.assets.dailytrades.DailyTradeAssets.ROLLING_VOLUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.InputContext;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.blocks.TokenMetadata;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.dailytrades.DailyTradeAssets;
import dev.weft.examples.assets.dailytrades.RollingVolume;
import dev.weft.examples.assets.dailytrades.SymbolVolume;
import dev.weft.examples.assets.dailytrades.VendorFiles;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.examples.assets.trades.Trade;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trades on daily partitions, at 2024-02-01 06:00 UTC on a manual clock: materializing January
 * 2024 while the vendor file of 2024-01-17 is late leaves exactly that day failed (with the reason)
 * and its downstream partitions (its summary, the seven rolling windows reading it) missing, every
 * other day materialized; once the file is in, a run of that day alone succeeds, and the rolling
 * windows that waited for it follow.
 */
class DailyTradeAssetsTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Instant NOW = Instant.parse("2024-02-01T06:00:00Z");
  private static final LocalDate LATE = LocalDate.of(2024, 1, 17);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(NOW);
  private final InMemoryIoManager memory = new InMemoryIoManager();
  private final VendorFiles vendor = VendorFiles.withLateDays(LATE);
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private Assets start(TestStore store) {
    engine = WeftEngine.builder().store(store.open(dir)).clock(clock).build();
    Assets assets =
        ExampleAssets.register(
            engine,
            memory,
            FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED),
            DailyMetricsLogic.V1,
            new PartitionedExamples(
                vendor,
                FakeChain.generate(10, PartitionedExamples.DEV_SEED),
                TokenMetadata.published()),
            clock.asJavaClock());
    engine.start();
    return assets;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void januaryLeavesTheLateDayFailedAndARunOfThatDayAloneSucceedsOnceTheFileIsIn(TestStore store) {
    Assets assets = start(store);

    BackfillRecord january =
        BackfillAwait.ended(assets, DailyTradeAssets.materializeJanuary2024(assets), WAIT);

    assertThat(january.status()).isEqualTo(BackfillStatus.FAILED);
    List<BackfillChunk> failed = assets.backfills().failed(january.backfillId(), null, 10).chunks();
    assertThat(failed)
        .singleElement()
        .satisfies(c -> assertThat(c.assetKey()).isEqualTo(DAILY_TRADES));
    assertThat(failed.get(0).fromKey()).isEqualTo("2024-01-17");
    assertThat(failed.get(0).error())
        .contains("the vendor file of 2024-01-17 has not arrived yet (late)");
    assertThat(BackfillAwait.progress(january, DAILY_TRADES))
        .isEqualTo(new BackfillAssetProgress(DAILY_TRADES, 31, 30, 1, 0, 0));
    assertCounts(assets, DAILY_TRADES, 30, 1, 0);
    assertCounts(assets, DAILY_SUMMARY, 30, 0, 1);
    assertCounts(assets, ROLLING_VOLUME, 24, 0, 7);
    PartitionKeyStatus day = assets.partitions().status(key(DAILY_TRADES), "2024-01-17");
    assertThat(day.status()).isEqualTo(AssetPartitionStatus.FAILED);
    assertThat(day.state().failure()).contains("has not arrived yet");
    assertThat(materialized(assets, ROLLING_VOLUME))
        .as("the windows reading 2024-01-17 (its own and the six after it) waited")
        .containsExactly("2024-01-01..2024-01-16", "2024-01-24..2024-01-31");
    assertThat(rolling("2024-01-24")).isEqualTo(expectedRolling("2024-01-18", 7));
    assertThat(rolling("2024-01-03")).isEqualTo(expectedRolling("2024-01-01", 3));
    assertThat(vendor.fetches(LATE)).isEqualTo(1);

    vendor.deliver(LATE);
    BackfillRecord again =
        BackfillAwait.ended(assets, DailyTradeAssets.materializeDays(assets, LATE), WAIT);

    assertThat(again.status()).as("%s", again).isEqualTo(BackfillStatus.COMPLETED);
    for (String asset : List.of(DAILY_TRADES, DAILY_SUMMARY, ROLLING_VOLUME)) {
      assertThat(BackfillAwait.progress(again, asset))
          .isEqualTo(new BackfillAssetProgress(asset, 1, 1, 0, 0, 0));
    }
    assertCounts(assets, DAILY_TRADES, 31, 0, 0);
    assertCounts(assets, DAILY_SUMMARY, 31, 0, 0);
    assertCounts(assets, ROLLING_VOLUME, 25, 0, 6);
    assertThat(vendor.fetches(LATE)).isEqualTo(2);
    assertThat(vendor.fetches(LATE.minusDays(1))).as("no other day fetched again").isEqualTo(1);
    assertThat(rolling("2024-01-17")).isEqualTo(expectedRolling("2024-01-11", 7));

    BackfillRecord waited =
        BackfillAwait.ended(
            assets,
            PartitionedLaunch.launch(
                assets, ROLLING_VOLUME, PartitionSelection.range("2024-01-18", "2024-01-23")),
            WAIT);
    assertThat(waited.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertCounts(assets, ROLLING_VOLUME, 31, 0, 0);
    assertThat(rolling("2024-01-23")).isEqualTo(expectedRolling("2024-01-17", 7));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theSummaryHasItsFreshnessPolicyAndADayBeforeThePartitionsIsRefused(TestStore store) {
    Assets assets = start(store);

    assertThat(assets.freshness(key(DAILY_SUMMARY)))
        .hasValueSatisfying(
            f -> {
              assertThat(f.policy().kind()).isEqualTo(FreshnessPolicyKind.MAX_LAG);
              assertThat(f.policy().maxLag()).isEqualTo(Duration.ofHours(26));
            });
    assertThat(assets.freshness(key(DAILY_TRADES))).isEmpty();
    assertThatThrownBy(() -> DailyTradeAssets.materializeDays(assets, LocalDate.of(2023, 12, 31)))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessageContaining("2023-12-31")
        .hasMessageContaining(DAILY_TRADES)
        .hasMessageContaining("daily partitions from 2024-01-01");
    assertThat(assets.partitions().counts(key(DAILY_TRADES)).missing())
        .as("31 days of January have ended by 2024-02-01 06:00; nothing was started")
        .isEqualTo(31);
  }

  private static void assertCounts(
      Assets assets, String asset, long materialized, long failed, long missing) {
    AssetPartitionCounts counts = assets.partitions().counts(key(asset));
    assertThat(counts.materialized()).as("%s materialized", asset).isEqualTo(materialized);
    assertThat(counts.failed()).as("%s failed", asset).isEqualTo(failed);
    assertThat(counts.missing()).as("%s missing", asset).isEqualTo(missing);
    assertThat(counts.stale() + counts.inProgress()).as("%s stale or in progress", asset).isZero();
  }

  /** The materialized partitions of {@code asset} as {@code first..last} ranges. */
  private static List<String> materialized(Assets assets, String asset) {
    List<IndexRange> ranges =
        assets
            .partitions()
            .list(key(asset), AssetPartitionStatus.MATERIALIZED, null, 1000)
            .spans()
            .stream()
            .map(s -> s.state().range())
            .toList();
    return IndexRangeSet.of(ranges).ranges().stream()
        .map(
            r ->
                DailyTradeAssets.DAYS.key(r.start(), PartitionsContext.NONE)
                    + ".."
                    + DailyTradeAssets.DAYS.key(r.end() - 1, PartitionsContext.NONE))
        .toList();
  }

  private RollingVolume rolling(String day) {
    return (RollingVolume)
        memory.load(new InputContext(key(ROLLING_VOLUME), day, Object.class, null, null));
  }

  /** The rolling volume of {@code days} days from {@code first}, from the vendor's files. */
  private static RollingVolume expectedRolling(String first, int days) {
    VendorFiles files = VendorFiles.withLateDays();
    Map<String, SymbolVolume> bySymbol = new TreeMap<>();
    LocalDate day = LocalDate.parse(first);
    for (int i = 0; i < days; i++) {
      for (Trade t : files.fetch(day.plusDays(i)).trades()) {
        bySymbol.merge(
            t.symbol(),
            new SymbolVolume(t.symbol(), 1, t.quantity(), t.quantity() * t.priceCents()),
            SymbolVolume::plus);
      }
    }
    return new RollingVolume(
        first, day.plusDays(days - 1L).toString(), days, List.copyOf(bySymbol.values()));
  }

  private static AssetKey key(String path) {
    return AssetKey.of(path);
  }
}
