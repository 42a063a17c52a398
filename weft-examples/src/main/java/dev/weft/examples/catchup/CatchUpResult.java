package dev.weft.examples.catchup;

/**
 * What a finished catch-up did.
 *
 * @param from the first block number of the range
 * @param to the block number after the last one of the range
 * @param blocks how many blocks it ingested ({@code to - from})
 * @param alreadyStored how many of those an earlier, failed attempt had stored already
 * @param runs how many runs it took (one per batch, chained by continue-as-new)
 */
public record CatchUpResult(long from, long to, long blocks, long alreadyStored, int runs) {}
