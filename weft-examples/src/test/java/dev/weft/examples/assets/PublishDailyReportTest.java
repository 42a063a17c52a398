package dev.weft.examples.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.chain.ChainAssets;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.examples.assets.trades.TradeAssets;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStatus;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The daily report: started before the volume exists, it waits (a waiter in the catalog, no worker
 * held) until a materialization makes {@code chain/daily_volume} fresh, then materializes {@code
 * trades/daily_metrics} as its child and publishes.
 */
class PublishDailyReportTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theReportWaitsForTheVolumeThenMaterializesTheMetricsAsItsChild(TestStore store) {
    engine = WeftEngine.builder().store(store.open(dir)).build();
    Assets assets =
        ExampleAssets.register(
            engine,
            new InMemoryIoManager(),
            FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED),
            DailyMetricsLogic.V1);
    engine
        .newWorker(PublishDailyReport.TASK_QUEUE)
        .registerWorkflow(PublishDailyReport.class, PublishDailyReportWorkflow::new);
    engine.start();
    PublishDailyReport stub =
        engine
            .client()
            .newWorkflowStub(
                PublishDailyReport.class,
                WorkflowOptions.newBuilder()
                    .workflowId(PublishDailyReport.WORKFLOW_ID)
                    .taskQueue(PublishDailyReport.TASK_QUEUE)
                    .build());
    WorkflowHandle<String> report = engine.client().start(stub::publish);

    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                engine.store().extension(AssetCatalog.class).waiters(engine.namespace()).size()
                    == 1);
    assertThat(report.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
    assertThat(engine.client().countWorkflows(WorkflowFilter.all().withType("__weft_materialize")))
        .as("nothing materialized yet")
        .isZero();

    assets.materialize("+" + ChainAssets.DAILY_VOLUME).await(WAIT);

    String summary = report.getResult(WAIT);
    String volume =
        assets.status(AssetKey.of(ChainAssets.DAILY_VOLUME)).orElseThrow().dataVersion();
    assertThat(summary)
        .startsWith("published: chain/daily_volume at data version " + volume + ", ")
        .contains("trades/daily_metrics materialized by __weft_materialize:");
    assertThat(assets.status(AssetKey.of(TradeAssets.DAILY_METRICS)).orElseThrow().status())
        .isEqualTo(AssetStatus.FRESH);
  }
}
