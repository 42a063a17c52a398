package dev.weft.store.assets.backfills;

/** Where a backfill is in its life; the last three are ended and never change again. */
public enum BackfillStatus {
  /** Launched; its workflow has not planned it yet. */
  REQUESTED,
  /** Its chunks are running. */
  RUNNING,
  /** Starts no new chunk until resumed; running chunks end. */
  PAUSED,
  /** Starts no new chunk; ends CANCELED once its running chunks ended. */
  CANCELING,
  /** Canceled: some partitions may not have run. */
  CANCELED,
  /** Every partition materialized. */
  COMPLETED,
  /** Ended with at least one failed partition. */
  FAILED;

  /** Whether the backfill ended (its status never changes again). */
  public boolean ended() {
    return this == CANCELED || this == COMPLETED || this == FAILED;
  }
}
