package dev.weft.examples.assets.trades;

/**
 * One trade from the exchange's feed.
 *
 * @param id the exchange's trade ID (the feed may repeat a trade)
 * @param symbol what was traded
 * @param day the UTC day, {@code 2026-01-01}
 * @param quantity how many units (the feed may carry zero for a cancelled trade)
 * @param priceCents the price of one unit, in US cents
 */
public record Trade(String id, String symbol, String day, long quantity, long priceCents) {}
