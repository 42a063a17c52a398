package dev.weft.examples.assets.chain;

import java.util.List;

/**
 * The value of {@code chain/enriched_blocks}: the transfers with their USD value.
 *
 * @param transfers in block order
 */
public record EnrichedBlocks(List<PricedTransfer> transfers) {
  /** Copies the transfers. */
  public EnrichedBlocks {
    transfers = List.copyOf(transfers);
  }
}
