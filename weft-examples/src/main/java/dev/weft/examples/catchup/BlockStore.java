package dev.weft.examples.catchup;

import java.util.Optional;

/**
 * Where ingested blocks go: the service's database. Writes are idempotent, keyed by block number:
 * storing a block that is stored already (a retried batch) changes nothing. Implementations are
 * thread-safe.
 */
public interface BlockStore {

  /**
   * Stores {@code block} unless a block with its number is stored.
   *
   * @return whether it was new
   * @throws IllegalStateException if a block with the same number but another hash is stored (a
   *     chain re-org, which this example does not handle)
   */
  boolean store(Block block);

  /** Returns the stored block {@code number}, if any. */
  Optional<Block> get(long number);

  /** Returns how many blocks are stored. */
  long size();

  /** Returns how many writes found their block stored already and changed nothing. */
  long duplicatesSkipped();
}
