package dev.weft.examples.assets.dailytrades;

import java.util.List;

/**
 * The value of a partition of {@code trades/volume_7d_by_day}: the volume per symbol of the seven
 * days up to the partition's day (fewer in the first days of the partitions).
 *
 * @param firstDay the first day summed
 * @param lastDay the partition's day, the last summed
 * @param days how many days were summed
 * @param symbols by symbol name
 */
public record RollingVolume(String firstDay, String lastDay, int days, List<SymbolVolume> symbols) {
  /** Copies the symbols. */
  public RollingVolume {
    symbols = List.copyOf(symbols);
  }
}
