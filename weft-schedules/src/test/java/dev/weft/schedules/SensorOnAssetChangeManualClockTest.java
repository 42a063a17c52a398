package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.client.WorkflowFilter;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.testsupport.SensorEngines;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sensor watching an asset evaluates after the asset is materialized when the engine runs on a
 * clock that stands still (the tests' manual clock, the testing kit's skipping clock): the catalog
 * wait it holds gets its first task and is woken by the materialization without the clock moving.
 */
class SensorOnAssetChangeManualClockTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final AssetKey PRICES = AssetKey.of("market/prices");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);
  private final List<List<AssetKey>> seen = new CopyOnWriteArrayList<>();

  private final SensorFunction landed =
      ctx -> {
        seen.add(ctx.changedAssets());
        return SensorResult.skip("changed: " + ctx.changedAssets());
      };

  private static Assets prices(WeftEngine engine) {
    return Assets.builder(engine)
        .definitions(
            List.of(Asset.builder(PRICES.path()).output(String.class).compute(ctx -> "prices")))
        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
        .build();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMaterializationIsSeenOnAManualClock(TestStore kind) {
    Assets[] assets = new Assets[1];
    Sensors sensors =
        engines.start(
            kind.open(dir),
            engine -> {
              assets[0] = prices(engine);
              return Sensors.builder(engine)
                  .sensor(SensorDefinition.of("landed", INTERVAL, landed).watching(PRICES))
                  .build();
            });
    WeftEngine engine = engines.last();
    awaitCatalogWait(engine);

    assets[0].materialize(PRICES.path()).await(WAIT);
    clock.advance(INTERVAL);
    try {
      await().atMost(WAIT).until(() -> sensors.describe("landed").recentEvaluations().size() == 1);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no evaluation; " + waits(engine), e);
    }
    assertThat(sensors.describe("landed").recentEvaluations().getFirst().skipReason())
        .isEqualTo("changed: [market/prices]");
    assertThat(seen).containsExactly(List.of(PRICES));
  }

  @Test
  void aMaterializationIsSeenOnTheTestingKitsClock() {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(Instant.parse("2026-03-02T08:00:00Z")))) {
      Assets assets = prices(env.engine());
      Sensors sensors =
          Sensors.builder(env.engine())
              .sensor(SensorDefinition.of("landed", INTERVAL, landed).watching(PRICES))
              .build();
      env.clock().freeze();
      env.start();
      env.awaitIdle();
      awaitCatalogWait(env.engine());

      assets.materialize(PRICES.path()).await(WAIT);
      env.sleep(INTERVAL);
      env.awaitIdle();

      assertThat(sensors.describe("landed").recentEvaluations())
          .as("evaluations; %s", waits(env.engine()))
          .hasSize(1);
      assertThat(seen).containsExactly(List.of(PRICES));
    }
  }

  private static void awaitCatalogWait(WeftEngine engine) {
    try {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  !engine
                      .client()
                      .listWorkflows(
                          WorkflowFilter.query(
                              "WorkflowType = '__weft_await_asset'"
                                  + " AND ExecutionStatus = 'Running'"))
                      .workflows()
                      .isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no running catalog wait; " + waits(engine), e);
    }
  }

  private static String waits(WeftEngine engine) {
    return engine
        .client()
        .listWorkflows(WorkflowFilter.query("WorkflowType = '__weft_await_asset'"))
        .workflows()
        .stream()
        .map(
            w ->
                w.workflowId()
                    + " "
                    + w.status()
                    + " history: "
                    + engine.client().getHandle(w.workflowId()).fetchHistory().events())
        .collect(Collectors.joining("\n"));
  }
}
