package dev.weft.examples.catchup;

import java.util.Objects;

/**
 * A block of the chain, as the catch-up stores it.
 *
 * @param number the block number (height), not negative
 * @param hash the block hash, hex
 */
public record Block(long number, String hash) {

  /** Validates the block. */
  public Block {
    Objects.requireNonNull(hash, "hash");
    if (number < 0) {
      throw new IllegalArgumentException("Block.number must be >= 0, was " + number);
    }
  }
}
