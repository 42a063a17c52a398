package dev.weft.examples.assets;

import static dev.weft.examples.assets.trades.TradeAssets.DAILY_METRICS;
import static dev.weft.examples.assets.trades.TradeAssets.PROCESSED_TRADES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.MaterializationResult;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.trades.DailyMetrics;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.examples.assets.trades.SymbolDay;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trades example: the metrics materialize from the processed trades and the prices; the graph
 * registered again with a new code version of {@code trades/daily_metrics} (as after a deploy)
 * makes exactly that asset stale, with the reason, until it is materialized again.
 */
class TradeAssetsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final InMemoryIoManager memory = new InMemoryIoManager();
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Starts an engine on the test's store with the examples, as a deploy of this logic does. */
  private Assets deploy(TestStore store, DailyMetricsLogic logic) {
    close();
    engine = WeftEngine.builder().store(store.open(dir)).build();
    FakeChain chain = FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED);
    Assets assets = ExampleAssets.register(engine, memory, chain, logic);
    engine.start();
    return assets;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aNewCodeVersionOfTheMetricsMakesThemStaleWithTheReasonShown(TestStore store) {
    Assets v1 = deploy(store, DailyMetricsLogic.V1);
    MaterializationResult first = v1.materialize("group:trades").await(WAIT);
    assertThat(first.succeeded()).as("%s", first).isTrue();
    SymbolDay weft = metrics().row("2026-01-01", "WEFT").orElseThrow();
    assertThat(weft)
        .as("t2 counted once, the cancelled ACME trade dropped")
        .isEqualTo(new SymbolDay("2026-01-01", "WEFT", 2, 400, 2_530, 2_520L, null));
    assertThat(v1.status(AssetKey.of(PROCESSED_TRADES)).orElseThrow().current().metadataJson())
        .contains("\"dropped\":2")
        .contains("\"rows\":5");
    assertThat(v1.status(AssetKey.of(DAILY_METRICS)).orElseThrow().current().codeVersion())
        .isEqualTo("v1");
    assertThat(v1.stale()).isEmpty();

    Assets v2 = deploy(store, DailyMetricsLogic.V2);

    assertThat(v2.stale()).extracting(AssetStateRecord::assetKey).containsExactly(DAILY_METRICS);
    AssetStateRecord stale = v2.status(AssetKey.of(DAILY_METRICS)).orElseThrow();
    assertThat(stale.status()).isEqualTo(AssetStatus.STALE);
    assertThat(stale.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.CODE_VERSION_CHANGED);
              assertThat(r.rootCauseKey()).isEqualTo(DAILY_METRICS);
              assertThat(r.detail()).isEqualTo("code version changed: v1 -> v2");
            });
    assertThat(stale.current().codeVersion()).as("the v1 metrics stay current").isEqualTo("v1");

    assertThat(v2.materialize(DAILY_METRICS).await(WAIT).succeeded()).isTrue();
    assertThat(v2.stale()).isEmpty();
    assertThat(v2.status(AssetKey.of(DAILY_METRICS)).orElseThrow().current().codeVersion())
        .isEqualTo("v2");
    assertThat(metrics().row("2026-01-01", "WEFT").orElseThrow().spreadBps())
        .as("(2530 - 2520) / 2520 in basis points")
        .isEqualTo(40L);
  }

  private DailyMetrics metrics() {
    return (DailyMetrics) memory.get(AssetKey.of(DAILY_METRICS)).orElseThrow();
  }
}
