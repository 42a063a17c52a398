package dev.weft.examples.assets.trades;

/**
 * The reference close price of a symbol on a day.
 *
 * @param symbol the symbol
 * @param day the UTC day
 * @param closeCents the close, in US cents
 */
public record ClosePrice(String symbol, String day, long closeCents) {}
