package dev.weft.examples.assets.dailytrades;

/**
 * What was traded of one symbol over a day or several.
 *
 * @param symbol what was traded
 * @param trades how many trades
 * @param quantity how many units
 * @param notionalCents the sum of quantity times price, in US cents
 */
public record SymbolVolume(String symbol, long trades, long quantity, long notionalCents) {

  /** Returns the sum of this volume and {@code other} (of the same symbol). */
  public SymbolVolume plus(SymbolVolume other) {
    if (!symbol.equals(other.symbol)) {
      throw new IllegalArgumentException(
          "cannot add the volume of " + other.symbol + " to that of " + symbol);
    }
    return new SymbolVolume(
        symbol,
        trades + other.trades,
        quantity + other.quantity,
        notionalCents + other.notionalCents);
  }
}
