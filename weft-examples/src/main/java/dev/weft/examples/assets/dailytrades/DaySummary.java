package dev.weft.examples.assets.dailytrades;

import java.util.List;

/**
 * The value of a partition of {@code trades/summary_by_day}: the volume per symbol of one day.
 *
 * @param day the UTC day
 * @param symbols by symbol name
 */
public record DaySummary(String day, List<SymbolVolume> symbols) {
  /** Copies the symbols. */
  public DaySummary {
    symbols = List.copyOf(symbols);
  }
}
