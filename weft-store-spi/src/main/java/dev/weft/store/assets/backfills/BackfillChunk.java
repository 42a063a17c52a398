package dev.weft.store.assets.backfills;

/**
 * One chunk of a backfill for one asset: partitions {@code [start, end)} and what became of them.
 *
 * @param assetKey the asset
 * @param start the first partition index
 * @param end the index after the last
 * @param fromKey the first partition's key
 * @param toKey the last partition's key
 * @param status what became of it
 * @param error the failure (type: message) or why it was skipped; null otherwise
 */
public record BackfillChunk(
    String assetKey,
    long start,
    long end,
    String fromKey,
    String toKey,
    ChunkStatus status,
    String error) {

  /** How many partitions it holds. */
  public long partitions() {
    return end - start;
  }
}
