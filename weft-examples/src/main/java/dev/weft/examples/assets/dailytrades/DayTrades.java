package dev.weft.examples.assets.dailytrades;

import dev.weft.examples.assets.trades.Trade;
import java.util.List;

/**
 * The value of a partition of {@code trades/trades_by_day}: the trades of the vendor's file of one
 * day.
 *
 * @param day the UTC day, {@code 2024-01-17}
 * @param trades in file order
 */
public record DayTrades(String day, List<Trade> trades) {
  /** Copies the trades. */
  public DayTrades {
    trades = List.copyOf(trades);
  }
}
