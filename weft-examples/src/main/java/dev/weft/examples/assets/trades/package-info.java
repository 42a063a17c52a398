/**
 * The trades example of software-defined assets, in the builder style: a trade feed processed into
 * daily metrics against reference prices, and a new code version of the metrics that makes them
 * stale with the reason.
 */
package dev.weft.examples.assets.trades;
