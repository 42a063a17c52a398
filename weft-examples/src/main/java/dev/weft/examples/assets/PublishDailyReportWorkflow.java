package dev.weft.examples.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetOutcome;
import dev.weft.assets.AssetWaitResult;
import dev.weft.assets.AssetWorkflow;
import dev.weft.assets.MaterializationResult;
import dev.weft.examples.assets.chain.ChainAssets;
import dev.weft.examples.assets.trades.TradeAssets;
import java.time.Duration;

/**
 * {@link PublishDailyReport}: {@link AssetWorkflow#awaitFresh} for the volume (at most a day), then
 * {@link AssetWorkflow#materialize} of the metrics with their upstream ({@code
 * +trades/daily_metrics}).
 */
public final class PublishDailyReportWorkflow implements PublishDailyReport {
  private static final AssetKey VOLUME = AssetKey.of(ChainAssets.DAILY_VOLUME);
  private static final AssetKey METRICS = AssetKey.of(TradeAssets.DAILY_METRICS);

  @Override
  public String publish() {
    AssetWaitResult volume = AssetWorkflow.awaitFresh(VOLUME, Duration.ofDays(1)).get();
    if (!volume.satisfied()) {
      return "not published: " + VOLUME + " is " + volume.status() + " after a day";
    }
    MaterializationResult metrics = AssetWorkflow.materialize("+" + METRICS.path()).get();
    AssetOutcome outcome = metrics.outcome(METRICS).orElseThrow();
    if (outcome.status() != AssetOutcome.Status.MATERIALIZED) {
      return "not published: " + METRICS + " " + outcome.status() + ": " + outcome.message();
    }
    return "published: "
        + VOLUME
        + " at data version "
        + volume.dataVersion()
        + ", "
        + METRICS
        + " materialized by "
        + metrics.workflowId();
  }
}
