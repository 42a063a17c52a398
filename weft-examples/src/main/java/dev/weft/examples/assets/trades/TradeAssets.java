package dev.weft.examples.assets.trades;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetCheck;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trades example in the builder style: {@code trades/raw_trades -> trades/processed_trades ->
 * trades/daily_metrics <- trades/raw_prices}. The code version of {@code trades/daily_metrics} is
 * its {@link DailyMetricsLogic}'s: registering {@link DailyMetricsLogic#V2} over materialized
 * {@code v1} metrics makes them stale with the reason.
 */
public final class TradeAssets {
  /** The group of the trades' assets. */
  public static final String GROUP = "trades";

  /** The exchange's trade feed, as received (duplicates and cancelled trades included). */
  public static final String RAW_TRADES = "trades/raw_trades";

  /** The reference close prices. */
  public static final String RAW_PRICES = "trades/raw_prices";

  /** The trades without duplicates and cancelled ones. */
  public static final String PROCESSED_TRADES = "trades/processed_trades";

  /** The metrics per symbol and day. */
  public static final String DAILY_METRICS = "trades/daily_metrics";

  private TradeAssets() {}

  /** Returns the trades' definitions, {@code trades/daily_metrics} computed by {@code logic}. */
  public static List<AssetsDefinition> definitions(DailyMetricsLogic logic) {
    return List.of(
        Asset.builder(RAW_TRADES)
            .group(GROUP)
            .codeVersion("v1")
            .description("The exchange's trade feed, as received.")
            .output(RawTrades.class)
            .compute(ctx -> feed()),
        Asset.builder(RAW_PRICES)
            .group(GROUP)
            .codeVersion("v1")
            .description("Reference close prices per symbol and day.")
            .output(RawPrices.class)
            .compute(ctx -> closes()),
        Asset.builder(PROCESSED_TRADES)
            .group(GROUP)
            .codeVersion("v1")
            .description("The trades without repeated and cancelled ones.")
            .input(RAW_TRADES, RawTrades.class)
            .output(RawTrades.class)
            .check(
                AssetCheck.<RawTrades>warn("positive_quantities", TradeAssets::positive)
                    .describedAs("every processed trade has a quantity above zero"))
            .compute(
                ctx -> {
                  RawTrades raw = ctx.input(RAW_TRADES, RawTrades.class);
                  RawTrades processed = process(raw);
                  ctx.addMetadata("rows", processed.trades().size());
                  ctx.addMetadata("dropped", raw.trades().size() - processed.trades().size());
                  return processed;
                }),
        Asset.builder(DAILY_METRICS)
            .group(GROUP)
            .codeVersion(logic.codeVersion())
            .description("Trades, quantity, VWAP and the close per symbol and day.")
            .input(PROCESSED_TRADES, RawTrades.class)
            .input(RAW_PRICES, RawPrices.class)
            .output(DailyMetrics.class)
            .compute(
                ctx ->
                    logic.compute(
                        ctx.input(PROCESSED_TRADES, RawTrades.class),
                        ctx.input(RAW_PRICES, RawPrices.class))));
  }

  /** Drops repeated trades (same ID) and cancelled ones (quantity zero). */
  static RawTrades process(RawTrades raw) {
    Set<String> seen = new LinkedHashSet<>();
    List<Trade> kept = new ArrayList<>();
    for (Trade t : raw.trades()) {
      if (t.quantity() > 0 && seen.add(t.id())) {
        kept.add(t);
      }
    }
    return new RawTrades(kept);
  }

  private static CheckResult positive(RawTrades trades) {
    long bad = trades.trades().stream().filter(t -> t.quantity() <= 0).count();
    return new CheckResult(bad == 0, Map.of("non_positive", bad));
  }

  private static RawTrades feed() {
    return new RawTrades(
        List.of(
            new Trade("t1", "WEFT", "2026-01-01", 100, 2_500),
            new Trade("t2", "WEFT", "2026-01-01", 300, 2_540),
            new Trade("t2", "WEFT", "2026-01-01", 300, 2_540),
            new Trade("t3", "ACME", "2026-01-01", 10, 10_000),
            new Trade("t4", "ACME", "2026-01-01", 0, 10_100),
            new Trade("t5", "WEFT", "2026-01-02", 200, 2_600),
            new Trade("t6", "ACME", "2026-01-02", 30, 9_900)));
  }

  private static RawPrices closes() {
    return new RawPrices(
        List.of(
            new ClosePrice("WEFT", "2026-01-01", 2_520),
            new ClosePrice("ACME", "2026-01-01", 10_050),
            new ClosePrice("WEFT", "2026-01-02", 2_610),
            new ClosePrice("ACME", "2026-01-02", 9_950)));
  }
}
