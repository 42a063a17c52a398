package dev.weft.examples.assets.trades;

/**
 * The metrics of one symbol on one day.
 *
 * @param day the UTC day
 * @param symbol the symbol
 * @param trades how many trades
 * @param quantity how many units
 * @param vwapCents the volume-weighted average price, in US cents
 * @param closeCents the reference close, in US cents, or null when unknown
 * @param spreadBps how far the VWAP is from the close, in basis points (since code version {@code
 *     v2}; null before, or without a close)
 */
public record SymbolDay(
    String day,
    String symbol,
    long trades,
    long quantity,
    long vwapCents,
    Long closeCents,
    Long spreadBps) {}
