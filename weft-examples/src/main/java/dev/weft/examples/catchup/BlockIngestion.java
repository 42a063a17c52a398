package dev.weft.examples.catchup;

import dev.weft.activity.ActivityInterface;

/** Ingests blocks. Idempotent: running a batch again stores nothing twice. */
@ActivityInterface
public interface BlockIngestion {

  /** Fetches blocks {@code [from, to)} and stores them; returns what it did. */
  BatchReceipt ingestBatch(long from, long to);
}
