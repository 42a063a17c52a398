package dev.weft.store.assets.backfills;

/** What became of one chunk (one compute call) of a backfill, per asset it produces. */
public enum ChunkStatus {
  /** Its compute is running. */
  IN_PROGRESS,
  /** Its partitions materialized. */
  MATERIALIZED,
  /** Its compute failed (after its retries). */
  FAILED,
  /** Not run: an upstream chunk it reads did not materialize. */
  SKIPPED;

  /** Whether the chunk is over (a later record of it is ignored). */
  public boolean ended() {
    return this != IN_PROGRESS;
  }
}
