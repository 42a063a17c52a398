package dev.weft.examples.assets.dailytrades;

import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.examples.assets.PartitionValues;
import dev.weft.examples.assets.PartitionedLaunch;
import dev.weft.examples.assets.trades.Trade;
import dev.weft.store.assets.backfills.BackfillRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trades on daily partitions from 2024-01-01 (UTC), in the builder style: {@code
 * trades/trades_by_day} (the vendor's file of the day) {@code ->} {@code trades/summary_by_day}
 * (identity: the same day) {@code ->} {@code trades/volume_7d_by_day} ({@code timeWindow(-6, 0)}:
 * the seven days up to its own). A day whose vendor file is late fails with {@link
 * VendorFileLateException}, and only its downstream partitions wait: materializing January 2024
 * leaves that day failed, its summary and the seven rolling windows that read it missing, and every
 * other day materialized.
 */
public final class DailyTradeAssets {
  /** The group of the daily trades (the trades example's). */
  public static final String GROUP = "trades";

  /** The partitions of every daily trades asset: one per UTC day from 2024-01-01. */
  public static final TimeWindowPartitions DAYS =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  /** The vendor's trade file of each day. */
  public static final String DAILY_TRADES = "trades/trades_by_day";

  /** The volume per symbol of each day. */
  public static final String DAILY_SUMMARY = "trades/summary_by_day";

  /** The volume per symbol of the seven days up to each day. */
  public static final String ROLLING_VOLUME = "trades/volume_7d_by_day";

  /** The three daily assets, upstream first. */
  public static final String SELECTION = DAILY_TRADES + "+";

  /**
   * The freshness policy of {@link #DAILY_SUMMARY}: materialized at most 26 hours ago. Once
   * per-partition deadlines are enabled, this becomes {@code
   * FreshnessPolicy.partitionDeadline(LocalTime.of(2, 0))} (yesterday's summary by 02:00 UTC).
   */
  public static final FreshnessPolicy SUMMARY_FRESHNESS =
      FreshnessPolicy.maxLag(Duration.ofHours(26));

  private DailyTradeAssets() {}

  /** Returns the definitions, the trades fetched from {@code vendor}. */
  public static List<AssetsDefinition> definitions(VendorFiles vendor) {
    return List.of(
        Asset.builder(DAILY_TRADES)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(DAYS)
            .description("The trades of the vendor's file of each day, as delivered.")
            .output(DayTrades.class)
            .compute(
                ctx -> {
                  DayTrades trades = vendor.fetch(LocalDate.parse(ctx.partitionKey()));
                  ctx.addMetadata("rows", trades.trades().size());
                  return trades;
                }),
        Asset.builder(DAILY_SUMMARY)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(DAYS)
            .description("Trades, quantity and notional per symbol of each day.")
            .input(DAILY_TRADES, DayTrades.class, PartitionMapping.identity())
            .freshnessPolicy(SUMMARY_FRESHNESS)
            .output(DaySummary.class)
            .compute(ctx -> summarize(ctx.input(DAILY_TRADES, DayTrades.class))),
        Asset.builder(ROLLING_VOLUME)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(DAYS)
            .description("Trades, quantity and notional per symbol of the 7 days up to each day.")
            .input(
                PartitionValues.input(DAILY_SUMMARY, DaySummary.class),
                PartitionMapping.timeWindow(-6, 0))
            .output(RollingVolume.class)
            .compute(
                ctx -> {
                  PartitionValues<DaySummary> days =
                      PartitionValues.read(ctx, DAILY_SUMMARY, DaySummary.class);
                  ctx.addMetadata("days", days.keys().size());
                  return roll(days);
                }));
  }

  /** Starts a backfill of every daily asset for January 2024; returns its row. */
  public static BackfillRecord materializeJanuary2024(Assets assets) {
    return PartitionedLaunch.launch(
        assets, SELECTION, PartitionSelection.range("2024-01-01", "2024-01-31"));
  }

  /** Starts a backfill of every daily asset for {@code days}; returns its row. */
  public static BackfillRecord materializeDays(Assets assets, LocalDate... days) {
    List<String> keys = new ArrayList<>();
    for (LocalDate day : days) {
      keys.add(day.toString());
    }
    return PartitionedLaunch.launch(assets, SELECTION, PartitionSelection.keys(keys));
  }

  static DaySummary summarize(DayTrades day) {
    Map<String, SymbolVolume> bySymbol = new TreeMap<>();
    for (Trade t : day.trades()) {
      bySymbol.merge(
          t.symbol(),
          new SymbolVolume(t.symbol(), 1, t.quantity(), t.quantity() * t.priceCents()),
          SymbolVolume::plus);
    }
    return new DaySummary(day.day(), List.copyOf(bySymbol.values()));
  }

  static RollingVolume roll(PartitionValues<DaySummary> days) {
    Map<String, SymbolVolume> bySymbol = new TreeMap<>();
    for (DaySummary day : days.values()) {
      for (SymbolVolume v : day.symbols()) {
        bySymbol.merge(v.symbol(), v, SymbolVolume::plus);
      }
    }
    List<String> keys = days.keys();
    return new RollingVolume(
        keys.get(0), keys.get(keys.size() - 1), keys.size(), List.copyOf(bySymbol.values()));
  }
}
