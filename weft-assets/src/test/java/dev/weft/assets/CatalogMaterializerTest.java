package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.internal.MaterializeRequest;
import dev.weft.assets.internal.PlanStep;
import dev.weft.assets.internal.Planner;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CatalogMaterializer}: a plan made from the catalog's graph alone is the plan the facade
 * makes from the definitions (multi-assets whole, retry policies and timeouts kept), and it runs.
 */
class CatalogMaterializerTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  static List<AssetsDefinition> definitions() {
    return List.of(
        Asset.multi("market_feed")
            .output("market/trades", Integer.class)
            .output("market/prices", Integer.class)
            .retryPolicy(
                RetryPolicy.newBuilder()
                    .maximumAttempts(3)
                    .initialInterval(Duration.ofMillis(10))
                    .nonRetryableErrorTypes("Bad")
                    .build())
            .compute(ctx -> AssetOutputs.of("market/trades", 1).and("market/prices", 2)),
        Asset.builder("market/value")
            .group("valuation")
            .tag("tier", "gold")
            .input("market/prices", Integer.class)
            .output(Integer.class)
            .startToCloseTimeout(Duration.ofMinutes(5))
            .compute(ctx -> ctx.input("market/prices", Integer.class) * 10),
        Asset.builder("market/report")
            .group("valuation")
            .input("market/value", Integer.class)
            .input("market/trades", Integer.class)
            .output(Integer.class)
            .compute(
                ctx ->
                    ctx.input("market/value", Integer.class)
                        + ctx.input("market/trades", Integer.class)));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void plansFromTheCatalogAsTheFacadePlansFromTheDefinitionsAndRuns(TestStore store) {
    try (WeftEngine engine = WeftEngine.builder().store(store.open(dir)).build()) {
      Assets assets =
          Assets.builder(engine)
              .definitions(definitions())
              .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
              .build();
      engine.start();
      CatalogMaterializer materializer =
          new CatalogMaterializer(
              engine.client(), engine.store().extension(AssetCatalog.class), engine.namespace());
      for (String selection :
          List.of(
              "*",
              "market/value",
              "+market/report",
              "market/prices+",
              "group:valuation",
              "tag:tier=gold, market/trades")) {
        AssetSelection parsed = AssetSelection.parse(selection);
        MaterializeRequest expected =
            Planner.plan(parsed.toString(), assets.graph(), parsed.resolve(assets.graph()));
        CatalogMaterializer.Plan plan = materializer.plan(selection);
        assertThat(plan.selection()).isEqualTo(expected.selection());
        // the catalog does not keep a multi-asset's declaration order: its keys come sorted
        assertThat(plan.request().steps().stream().map(CatalogMaterializerTest::sortedKeys))
            .as(selection)
            .containsExactlyInAnyOrderElementsOf(
                expected.steps().stream().map(CatalogMaterializerTest::sortedKeys).toList());
        Set<String> before = new HashSet<>();
        for (PlanStep step : plan.request().steps()) {
          assertThat(before).as(selection).containsAll(step.after());
          before.add(step.name());
        }
      }
      // a multi-asset runs whole
      assertThat(materializer.plan("market/prices").keys())
          .extracting(AssetKey::path)
          .containsExactly("market/prices", "market/trades");

      MaterializationHandle run = materializer.materialize("+market/report");
      assertThat(run.workflowId()).startsWith("__weft_materialize:");
      MaterializationResult result = materializer.handle(run.workflowId()).await(WAIT);
      assertThat(result.keys(AssetOutcome.Status.MATERIALIZED))
          .extracting(AssetKey::path)
          .containsExactlyInAnyOrder(
              "market/trades", "market/prices", "market/value", "market/report");
    }
  }

  private static PlanStep sortedKeys(PlanStep s) {
    return new PlanStep(
        s.name(),
        s.keys().stream().sorted().toList(),
        s.after().stream().sorted().toList(),
        s.retryPolicy(),
        s.startToCloseTimeout(),
        s.scheduleToCloseTimeout());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badSelectionsAreRefusedNamingTheProblem(TestStore store) {
    try (WeftEngine engine = WeftEngine.builder().store(store.open(dir)).build()) {
      Assets.builder(engine)
          .definitions(definitions())
          .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
          .build();
      CatalogMaterializer materializer =
          new CatalogMaterializer(
              engine.client(), engine.store().extension(AssetCatalog.class), engine.namespace());
      assertThatThrownBy(() -> materializer.plan("market/valu"))
          .isInstanceOf(UnknownAssetException.class)
          .hasMessageContaining("did you mean market/value");
      assertThatThrownBy(() -> materializer.plan("market/value =x"))
          .isInstanceOf(AssetSelectionSyntaxException.class)
          .satisfies(e -> assertThat(((AssetSelectionSyntaxException) e).position()).isEqualTo(14));
      assertThatThrownBy(() -> materializer.plan("group:nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("group:nope selects no asset");
    }
  }
}
