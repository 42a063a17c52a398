package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.engine.WeftEngine;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sensor watching an asset is evaluated on the catalog's commit of each new materialization, at
 * most once per minimum interval, and told which asset changed; with no change it is never
 * evaluated, however much time passes.
 */
class SensorOnAssetChangeTest {
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final AssetKey PRICES = AssetKey.of("market/prices");

  @TempDir Path dir;
  private WeftEngine engine;
  private final List<List<AssetKey>> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eachMaterializationCausesOneEvaluationNamingTheAsset(TestStore kind) throws Exception {
    SensorFunction landed =
        ctx -> {
          seen.add(ctx.changedAssets());
          return SensorResult.skip("changed: " + ctx.changedAssets());
        };
    engine = WeftEngine.builder().store(kind.open(dir)).build();
    Assets assets =
        Assets.builder(engine)
            .definitions(
                List.of(Asset.builder(PRICES.path()).output(String.class).compute(ctx -> "prices")))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .build();
    Sensors sensors =
        Sensors.builder(engine)
            .sensor(SensorDefinition.of("landed", INTERVAL, landed).watching(PRICES))
            .build();
    engine.start();

    awaitCatalogWait();
    Thread.sleep(3 * INTERVAL.toMillis());
    assertThat(sensors.describe("landed").recentEvaluations())
        .as("no materialization, no evaluation, three intervals on")
        .isEmpty();
    assertThat(pendingTimers()).as("nothing is planned on the clock").isEmpty();

    assets.materialize(PRICES.path()).await(Duration.ofSeconds(20));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sensors.describe("landed").recentEvaluations().size() == 1);
    SensorEvaluation first = sensors.describe("landed").recentEvaluations().getFirst();
    assertThat(first.error()).isNull();
    assertThat(first.skipReason()).isEqualTo("changed: [market/prices]");

    assets.materialize(PRICES.path()).await(Duration.ofSeconds(20));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sensors.describe("landed").recentEvaluations().size() == 2);
    SensorEvaluation second = sensors.describe("landed").recentEvaluations().getLast();
    assertThat(Duration.between(first.time(), second.time()))
        .as("the second change waits out the minimum interval")
        .isGreaterThanOrEqualTo(INTERVAL);
    assertThat(seen).containsExactly(List.of(PRICES), List.of(PRICES));
    Thread.sleep(2 * INTERVAL.toMillis());
    assertThat(sensors.describe("landed").recentEvaluations()).hasSize(2);
  }

  @Test
  void watchingNothingOrTwiceIsRefused() {
    SensorFunction f = ctx -> SensorResult.skip("-");
    SensorDefinition d = SensorDefinition.of("s", INTERVAL, f);
    assertThatThrownBy(d::watching)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected at least one asset key");
    assertThatThrownBy(() -> d.watching(PRICES, PRICES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected each asset once");
  }

  private void awaitCatalogWait() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !engine
                    .client()
                    .listWorkflows(
                        dev.weft.client.WorkflowFilter.query(
                            "WorkflowType = '__weft_await_asset' AND ExecutionStatus = 'Running'"))
                    .workflows()
                    .isEmpty());
  }

  private List<?> pendingTimers() {
    return engine.client().getHandle("__weft_sensor:landed").describe().pendingTimers();
  }
}
