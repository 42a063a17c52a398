package dev.weft.examples.assets.trades;

import java.util.List;
import java.util.Optional;

/**
 * The value of {@code trades/daily_metrics}.
 *
 * @param rows by day, then symbol
 */
public record DailyMetrics(List<SymbolDay> rows) {
  /** Copies the rows. */
  public DailyMetrics {
    rows = List.copyOf(rows);
  }

  /** Returns the row of a symbol on a day, if it traded. */
  public Optional<SymbolDay> row(String day, String symbol) {
    return rows.stream().filter(r -> r.day().equals(day) && r.symbol().equals(symbol)).findFirst();
  }
}
