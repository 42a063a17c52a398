package dev.weft.examples.assets.trades;

import java.util.List;
import java.util.Optional;

/**
 * The value of {@code trades/raw_prices}: reference close prices.
 *
 * @param closes one per symbol and day
 */
public record RawPrices(List<ClosePrice> closes) {
  /** Copies the closes. */
  public RawPrices {
    closes = List.copyOf(closes);
  }

  /** Returns the close of a symbol on a day, if known. */
  public Optional<ClosePrice> close(String symbol, String day) {
    return closes.stream()
        .filter(c -> c.symbol().equals(symbol) && c.day().equals(day))
        .findFirst();
  }
}
