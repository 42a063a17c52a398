package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two apps (code locations) sharing one namespace's graph (on PostgreSQL, each on its own engine):
 * a registration replaces only its own location's assets, a key of another location is refused
 * naming both, and each location's materializations run on the app that defines the assets.
 */
class CodeLocationsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final List<WeftEngine> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(WeftEngine::close);
  }

  private static AssetDefinition constant(String key, int value) {
    return Asset.builder(key).codeVersion("v1").output(Integer.class).compute(ctx -> value);
  }

  private Assets app(TestStore store, String location, AssetsDefinition... defs) {
    WeftEngine engine = WeftEngine.builder().store(store.open(dir)).nodeId(location).build();
    engines.add(engine);
    Assets assets =
        Assets.builder(engine)
            .location(location)
            .definitions(defs)
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .build();
    engine.start();
    return assets;
  }

  @ParameterizedTest
  @EnumSource(value = TestStore.class, names = "POSTGRES")
  void twoAppsShareTheGraphAndEachRunsItsOwnAssets(TestStore store) {
    Assets prices = app(store, "prices_app", constant("prices/raw", 5));
    Assets trades = app(store, "trades_app", constant("trades/raw", 3), constant("trades/big", 9));

    assertThat(trades.catalogGraph())
        .extracting(AssetNodeRecord::assetKey, AssetNodeRecord::location)
        .containsExactly(
            tuple("prices/raw", "prices_app"),
            tuple("trades/big", "trades_app"),
            tuple("trades/raw", "trades_app"));

    assertThat(prices.materialize("*").await(WAIT).succeeded()).isTrue();
    assertThat(trades.materialize("*").await(WAIT).succeeded()).isTrue();
    assertThat(trades.status()).extracting(s -> s.status()).containsOnly(AssetStatus.FRESH);

    CatalogMaterializer fromCatalog =
        new CatalogMaterializer(
            engines.get(0).client(),
            engines.get(0).store().extension(AssetCatalog.class),
            "default");
    CatalogMaterializer.Plan plan = fromCatalog.plan("trades/big");
    assertThat(plan.location()).isEqualTo("trades_app");
    assertThat(fromCatalog.start(plan).await(WAIT).succeeded())
        .as("started by the prices app's node, run by the trades app")
        .isTrue();
    assertThatThrownBy(() -> fromCatalog.plan("*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spans code locations")
        .hasMessageContaining("prices_app=[prices/raw]");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aKeyOfAnotherLocationIsRefusedNamingBoth(TestStore store) {
    WeftEngine engine = WeftEngine.builder().store(store.open(dir)).nodeId("one").build();
    engines.add(engine);
    Assets.builder(engine)
        .location("prices_app")
        .definitions(constant("prices/raw", 5))
        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
        .build();

    assertThatThrownBy(
            () ->
                Assets.builder(engine)
                    .location("trades_app")
                    .definitions(constant("prices/raw", 6))
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "asset prices/raw is defined by two locations of namespace default: prices_app"
                + " (registered) and trades_app (registering)");
    assertThat(engine.store().extension(AssetCatalog.class).graph("default"))
        .extracting(AssetNodeRecord::location)
        .containsExactly("prices_app");
    assertThatThrownBy(() -> Assets.builder(engine).location(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("location must not be blank");
  }
}
