/**
 * The trades example on daily partitions (group {@code trades}): the vendor's file of each day
 * ({@code trades/trades_by_day}), a summary per day mapped by identity ({@code
 * trades/summary_by_day}, with a freshness policy) and a 7-day rolling volume reading the last
 * seven days ({@code trades/volume_7d_by_day}); a day whose vendor file is late fails with the
 * reason and is materialized again alone once the file is in.
 */
package dev.weft.examples.assets.dailytrades;
