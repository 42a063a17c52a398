package dev.weft.examples.assets.chain;

import java.util.List;

/**
 * A block as the fake chain's node serves it.
 *
 * @param number its height
 * @param hash its hash
 * @param parentHash the hash of the block it builds on
 * @param timestamp when it was produced, in epoch seconds
 * @param transactions its transactions, encoded ({@code 0x} + hex of {@code from:to:token:amount})
 */
public record ChainBlock(
    long number, String hash, String parentHash, long timestamp, List<String> transactions) {

  /** Copies the transactions. */
  public ChainBlock {
    transactions = List.copyOf(transactions);
  }
}
