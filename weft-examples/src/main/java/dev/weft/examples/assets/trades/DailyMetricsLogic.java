package dev.weft.examples.assets.trades;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versions of {@code trades/daily_metrics}'s compute. Each has its own code version, so that
 * registering another one makes the materialized metrics stale, with the reason {@code code version
 * changed: v1 -> v2}.
 */
public enum DailyMetricsLogic {
  /** Trades, quantity, VWAP and the reference close per symbol and day. */
  V1("v1"),
  /** {@link #V1} plus the VWAP's distance to the close, in basis points. */
  V2("v2");

  private final String codeVersion;

  DailyMetricsLogic(String codeVersion) {
    this.codeVersion = codeVersion;
  }

  /**
   * The logic of a code version, {@code v1} or {@code v2} (any case); {@link #V1} when {@code
   * codeVersion} is null or empty.
   *
   * @throws IllegalArgumentException naming the value and the code versions there are
   */
  public static DailyMetricsLogic forCodeVersion(String codeVersion) {
    if (codeVersion == null || codeVersion.isEmpty()) {
      return V1;
    }
    for (DailyMetricsLogic logic : values()) {
      if (logic.codeVersion.equalsIgnoreCase(codeVersion.trim())) {
        return logic;
      }
    }
    throw new IllegalArgumentException(
        "no daily metrics logic has code version '" + codeVersion + "'; there are v1 and v2");
  }

  /** Returns the code version this logic registers. */
  public String codeVersion() {
    return codeVersion;
  }

  /** Computes the metrics of the processed trades against the reference prices. */
  public DailyMetrics compute(RawTrades processed, RawPrices prices) {
    Map<String, List<Trade>> groups = new TreeMap<>();
    for (Trade t : processed.trades()) {
      groups.computeIfAbsent(t.day() + "|" + t.symbol(), k -> new ArrayList<>()).add(t);
    }
    List<SymbolDay> rows = new ArrayList<>();
    for (List<Trade> trades : groups.values()) {
      Trade first = trades.get(0);
      long quantity = trades.stream().mapToLong(Trade::quantity).sum();
      long notional = trades.stream().mapToLong(t -> t.quantity() * t.priceCents()).sum();
      long vwap = Math.round((double) notional / quantity);
      Long close =
          prices.close(first.symbol(), first.day()).map(ClosePrice::closeCents).orElse(null);
      Long spread =
          this == V2 && close != null ? Math.round((vwap - close) * 10_000.0 / close) : null;
      rows.add(
          new SymbolDay(first.day(), first.symbol(), trades.size(), quantity, vwap, close, spread));
    }
    return new DailyMetrics(rows);
  }
}
