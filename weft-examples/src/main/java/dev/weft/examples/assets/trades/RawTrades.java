package dev.weft.examples.assets.trades;

import java.util.List;

/**
 * The value of {@code trades/raw_trades} and {@code trades/processed_trades}: trades.
 *
 * @param trades in feed order
 */
public record RawTrades(List<Trade> trades) {
  /** Copies the trades. */
  public RawTrades {
    trades = List.copyOf(trades);
  }
}
