package dev.weft.examples.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code weft dev} does with the asset examples: {@link ExamplesApp} registers them, and its
 * {@code startExamples} materializes every asset once, as JSON files under the assets directory,
 * and starts the daily report, which waits for the volume and materializes the metrics as its
 * child; the next start starts nothing again.
 */
class ExamplesAppAssetsTest {
  private static final WorkflowFilter MATERIALIZATIONS =
      WorkflowFilter.all().withType("__weft_materialize");

  @TempDir Path dir;

  @Test
  void startExamplesMaterializesEveryAssetOnceAsJsonFiles() throws Exception {
    Path assets = dir.resolve("assets");
    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets);
      app.register(engine);
      engine.start();
      app.startExamples(engine.client());

      Object report =
          engine
              .client()
              .getHandle(PublishDailyReport.WORKFLOW_ID)
              .getResult(Duration.ofSeconds(60));
      assertThat((String) report)
          .as("the report waited for the volume, then materialized the metrics as its child")
          .startsWith("published: chain/daily_volume at data version ")
          .contains(", trades/daily_metrics materialized by __weft_materialize:");
      List<WorkflowSummary> runs = engine.client().listWorkflows(MATERIALIZATIONS).workflows();
      assertThat(runs).as("every asset, and the report's metrics").hasSize(2);
      for (WorkflowSummary run : runs) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    engine.client().getHandle(run.workflowId()).describe().status()
                        == WorkflowStatus.COMPLETED);
      }
      assertThat(engine.client().countWorkflows(WorkflowFilter.all()))
          .as("the five example runs, the materialization, the report and its two children")
          .isEqualTo(9);
    }
    JsonNode volume =
        new ObjectMapper().readTree(assets.resolve("chain/daily_volume.json").toFile());
    assertThat(volume.path("days").size()).isEqualTo(3);
    for (String key :
        List.of(
            "chain/raw_blocks",
            "chain/decoded_blocks",
            "chain/token_prices",
            "chain/enriched_blocks",
            "trades/raw_trades",
            "trades/raw_prices",
            "trades/processed_trades",
            "trades/daily_metrics")) {
      assertThat(assets.resolve(key + ".json")).exists();
    }
    assertThat(Files.exists(assets.resolve("chain/block_hashes.json")))
        .as("an observable source is observed, not stored")
        .isFalse();

    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets);
      app.register(engine);
      engine.start();
      app.startExamples(engine.client());
      assertThat(engine.client().countWorkflows(MATERIALIZATIONS))
          .as("the next start materializes nothing again")
          .isEqualTo(2);
      assertThat(engine.client().countWorkflows(WorkflowFilter.all()))
          .as("nor starts the report again")
          .isEqualTo(9);
    }
  }

  @Test
  void aRestartWithTheDailyMetricsV2ShowsThemStaleWithTheCodeVersionReason() {
    Path assets = dir.resolve("assets");
    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets);
      app.register(engine);
      engine.start();
      app.startExamples(engine.client());
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> metrics(engine).status() == AssetStatus.FRESH);
    }
    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets, DailyMetricsLogic.V2);
      app.register(engine);
      engine.start();
      AssetStateRecord state = metrics(engine);
      assertThat(state.status()).isEqualTo(AssetStatus.STALE);
      assertThat(state.reasons()).hasSize(1);
      assertThat(state.reasons().get(0).kind()).isEqualTo(StaleReasonKind.CODE_VERSION_CHANGED);
      assertThat(state.reasons().get(0).detail()).contains("v1").contains("v2");
    }
  }

  @Test
  void theDailyMetricsLogicIsPickedByCodeVersion() {
    assertThat(DailyMetricsLogic.forCodeVersion(null)).isEqualTo(DailyMetricsLogic.V1);
    assertThat(DailyMetricsLogic.forCodeVersion("")).isEqualTo(DailyMetricsLogic.V1);
    assertThat(DailyMetricsLogic.forCodeVersion("V2")).isEqualTo(DailyMetricsLogic.V2);
    assertThatThrownBy(() -> DailyMetricsLogic.forCodeVersion("v3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'v3'")
        .hasMessageContaining("v1 and v2");
  }

  private static AssetStateRecord metrics(WeftEngine engine) {
    return engine
        .store()
        .extension(AssetCatalog.class)
        .state("default", "trades/daily_metrics", "")
        .orElseThrow();
  }

  private WeftEngine start() {
    return WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
  }
}
