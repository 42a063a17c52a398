package dev.weft.examples.catchup;

/**
 * What one {@link BlockIngestion#ingestBatch} call did.
 *
 * @param from the first block number of the batch
 * @param to the block number after the last one of the batch
 * @param stored how many blocks it stored
 * @param alreadyStored how many it found stored already (by an earlier attempt that failed)
 */
public record BatchReceipt(long from, long to, long stored, long alreadyStored) {}
