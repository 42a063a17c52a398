package dev.weft.examples.assets.chain;

import java.util.List;

/**
 * The value of {@code chain/decoded_blocks}: every transfer of the blocks, decoded.
 *
 * @param transfers in block order
 */
public record DecodedBlocks(List<Transfer> transfers) {
  /** Copies the transfers. */
  public DecodedBlocks {
    transfers = List.copyOf(transfers);
  }
}
