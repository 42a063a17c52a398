package dev.weft.examples.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.examples.assets.blocks.BlockAssets;
import dev.weft.examples.assets.blocks.ReorgWorkflow;
import dev.weft.examples.assets.blocks.TokenMetadata;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.dailytrades.VendorFiles;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.examples.triggers.VolumeReport;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.partitions.PartitionStatusReader;
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
 * {@code startExamples} materializes every asset once, as JSON files under the assets directory
 * (the partitioned ones by backfills: January 2024 of the daily trades, the late day failed, and
 * the blocks), and starts the daily report, which waits for the volume and materializes the metrics
 * as its child; the next start starts nothing again.
 */
class ExamplesAppAssetsTest {
  private static final WorkflowFilter MATERIALIZATIONS =
      WorkflowFilter.all().withType("__weft_materialize");
  private static final WorkflowFilter BACKFILLS = WorkflowFilter.all().withType("__weft_backfill");

  /**
   * The five example runs, two materializations, three backfill runs (the blocks' backfill runs its
   * 300 one-block chunks in two windows, one run each), the report and its two children, the daily
   * summary's freshness watch, the schedule {@code trades-daily}, the sensor {@code chain-height}
   * (whose chain does not grow here: it starts nothing) and the sensor {@code volume-report}
   * (created paused: no catalog wait, no report).
   */
  private static final int EXPECTED_RUNS = 16;

  private static final WorkflowFilter VOLUME_REPORTS =
      WorkflowFilter.all().withType(VolumeReport.TYPE);

  @TempDir Path dir;

  @Test
  void startExamplesMaterializesEveryAssetOnceAsJsonFiles() throws Exception {
    Path assets = dir.resolve("assets");
    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets, DailyMetricsLogic.V1, smallPartitioned());
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
      assertThat(engine.client().countWorkflows(MATERIALIZATIONS))
          .as("every unpartitioned asset, the report's metrics")
          .isEqualTo(2);
      List<String> backfills = backfillIds(engine);
      assertThat(backfills).as("January 2024 of the daily trades and the blocks").hasSize(2);
      for (String backfill : backfills) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    engine.client().getHandle(backfill).describe().status()
                        == WorkflowStatus.COMPLETED);
      }
      assertThat(engine.client().countWorkflows(WorkflowFilter.all()))
          .as("see EXPECTED_RUNS")
          .isEqualTo(EXPECTED_RUNS);
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
    assertThat(assets.resolve("trades/trades_by_day.partitions/2024-01-16.json")).exists();
    assertThat(assets.resolve("trades/trades_by_day.partitions/2024-01-17.json"))
        .as("the late day failed")
        .doesNotExist();
    JsonNode rolling =
        new ObjectMapper()
            .readTree(
                assets.resolve("trades/volume_7d_by_day.partitions/2024-01-31.json").toFile());
    assertThat(rolling.path("firstDay").asText()).isEqualTo("2024-01-25");
    assertThat(rolling.path("days").asInt())
        .as("seven days read back from their JSON files")
        .isEqualTo(7);
    assertThat(assets.resolve("chain/enriched_by_block.partitions/99.json")).exists();

    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets, DailyMetricsLogic.V1, smallPartitioned());
      app.register(engine);
      engine.start();
      app.startExamples(engine.client());
      assertThat(engine.client().countWorkflows(MATERIALIZATIONS))
          .as("the next start materializes nothing again")
          .isEqualTo(2);
      assertThat(backfillIds(engine)).as("nor backfills anything again").hasSize(2);
      assertThat(engine.client().countWorkflows(WorkflowFilter.all()))
          .as("nor starts the report again")
          .isEqualTo(EXPECTED_RUNS);
      assertThat(engine.client().countWorkflows(VOLUME_REPORTS))
          .as("the paused volume-report sensor reported nothing")
          .isZero();
    }
  }

  /** The workflow IDs of the backfills (a backfill of several windows has one run per window). */
  private static List<String> backfillIds(WeftEngine engine) {
    return engine.client().listWorkflows(BACKFILLS).workflows().stream()
        .map(WorkflowSummary::workflowId)
        .distinct()
        .toList();
  }

  @Test
  void aRestartWithTheDailyMetricsV2ShowsThemStaleWithTheCodeVersionReason() {
    Path assets = dir.resolve("assets");
    try (WeftEngine engine = start()) {
      ExamplesApp app = new ExamplesApp(assets, DailyMetricsLogic.V1, smallPartitioned());
      app.register(engine);
      engine.start();
      app.startExamples(engine.client());
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> metrics(engine).status() == AssetStatus.FRESH);
      // the daily report ends before the restart: it materializes the metrics again as its child
      // once chain/daily_volume is fresh, and if it still ran (the first node is busier with the
      // triggers' workflows now) the next node would run that child with V2, making the metrics
      // fresh again before this test reads them
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  engine.client().getHandle(PublishDailyReport.WORKFLOW_ID).describe().status()
                          != WorkflowStatus.RUNNING
                      && engine
                              .client()
                              .countWorkflows(MATERIALIZATIONS.withStatus(WorkflowStatus.RUNNING))
                          == 0);
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
  void theReorgWorkflowMakesExactlyTheLastBlocksAndTheirDependentsStale() {
    try (WeftEngine engine = start()) {
      ExamplesApp app =
          new ExamplesApp(dir.resolve("assets"), DailyMetricsLogic.V1, smallPartitioned());
      app.register(engine);
      engine.start();
      app.startExamples(engine.client());
      PartitionStatusReader partitions = engine.store().extension(PartitionStatusReader.class);
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> partitions.counts("default", BlockAssets.ENRICHED).materialized() == 100);

      ReorgWorkflow stub =
          engine
              .client()
              .newWorkflowStub(
                  ReorgWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("reorg-15")
                      .taskQueue(ReorgWorkflow.TASK_QUEUE)
                      .build());
      String summary = engine.client().start(stub::reorg, 15).getResult(Duration.ofSeconds(60));

      assertThat(summary)
          .isEqualTo(
              "re-org of blocks 85..99: 15 block hashes changed, their dependents are stale");
      for (String key :
          List.of(BlockAssets.BLOCKS_BY_NUMBER, BlockAssets.TRANSFERS, BlockAssets.ENRICHED)) {
        assertThat(partitions.counts("default", key).stale()).as(key).isEqualTo(15);
        assertThat(partitions.counts("default", key).materialized()).as(key).isEqualTo(85);
      }
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

  /** The partitioned examples of {@code weft dev} with 100 blocks instead of 1,000: faster. */
  private static PartitionedExamples smallPartitioned() {
    return new PartitionedExamples(
        VendorFiles.deliveringAfterRefusal(PartitionedExamples.LATE_DAY),
        FakeChain.generate(100, PartitionedExamples.DEV_SEED),
        TokenMetadata.published());
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
