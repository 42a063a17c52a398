package dev.weft.examples.triggers;

import static dev.weft.examples.assets.dailytrades.DailyTradeAssets.DAILY_SUMMARY;
import static dev.weft.examples.assets.dailytrades.DailyTradeAssets.DAILY_TRADES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.Schedules;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schedule {@code trades-daily} on the skipping clock: at its next fire time, 01:00 UTC, it
 * materializes yesterday's partition of the daily trades, and only that one.
 */
class TradesDailyScheduleTest {
  private static final Instant START = Instant.parse("2024-02-01T00:30:00Z");
  private static final String FIRING = "trades-daily@2024-02-01T01:00:00Z";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theNextFireTimeMaterializesYesterdaysTradingPartition(TestStore store) {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(START)
                .engine(b -> b.store(store.open(dir))))) {
      Assets assets = TriggerExamples.register(env.engine(), TriggerExamples.partitioned());
      Schedules schedules =
          Schedules.builder(env.engine()).schedule(ExampleTriggers.tradesDaily()).build();
      env.start();
      schedules.ensureStarted();
      env.awaitIdle();

      assertThat(schedules.nextFireTimes(ExampleTriggers.TRADES_DAILY, 2))
          .containsExactly(
              Instant.parse("2024-02-01T01:00:00Z"), Instant.parse("2024-02-02T01:00:00Z"));

      env.sleep(Duration.ofMinutes(45));
      env.client().getHandle(FIRING).getResult(Duration.ofSeconds(90));

      for (String asset : List.of(DAILY_TRADES, DAILY_SUMMARY)) {
        assertThat(status(assets, asset, "2024-01-31"))
            .as("%s of yesterday", asset)
            .isEqualTo(AssetPartitionStatus.MATERIALIZED);
        assertThat(status(assets, asset, "2024-01-30"))
            .as("%s of the day before", asset)
            .isEqualTo(AssetPartitionStatus.MISSING);
        assertThat(status(assets, asset, "2024-02-01"))
            .as("%s of today", asset)
            .isEqualTo(AssetPartitionStatus.MISSING);
      }
      List<WorkflowSummary> firings =
          env.client()
              .listWorkflows(WorkflowFilter.query("WorkflowId STARTS_WITH 'trades-daily@'"))
              .workflows();
      assertThat(firings)
          .extracting(WorkflowSummary::workflowId)
          .containsExactlyInAnyOrder(FIRING, FIRING + "/materialize");
      assertThat(firings)
          .extracting(WorkflowSummary::status)
          .containsOnly(WorkflowStatus.COMPLETED);
      ScheduleDescription described = schedules.describe(ExampleTriggers.TRADES_DAILY, 1);
      assertThat(described.nextFireTimes()).containsExactly(Instant.parse("2024-02-02T01:00:00Z"));
    }
  }

  private static AssetPartitionStatus status(Assets assets, String asset, String day) {
    return assets.partitions().status(AssetKey.of(asset), day).status();
  }
}
