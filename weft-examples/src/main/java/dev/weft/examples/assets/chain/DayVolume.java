package dev.weft.examples.assets.chain;

/**
 * The transfers of one UTC day.
 *
 * @param day the day, {@code 2026-01-01}
 * @param transfers how many
 * @param usdCents their total value, in US cents
 */
public record DayVolume(String day, long transfers, long usdCents) {}
