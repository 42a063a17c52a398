package dev.weft.examples.assets.chain;

import java.util.List;

/**
 * The value of {@code chain/raw_blocks}: the blocks as fetched from the node.
 *
 * @param blocks oldest first
 */
public record RawBlocks(List<ChainBlock> blocks) {
  /** Copies the blocks. */
  public RawBlocks {
    blocks = List.copyOf(blocks);
  }
}
