package dev.weft.examples.assets.blocks;

import java.util.Map;
import java.util.TreeMap;

/**
 * The value of a partition of {@code chain/volume_per_100}: the transfers of 100 blocks (partition
 * {@code j}: blocks {@code 100j} to {@code 100j + 99}) and their USD value per token.
 *
 * @param firstBlock the first block rolled up
 * @param lastBlock the last block rolled up
 * @param transfers how many transfers
 * @param usdCentsByToken the USD value moved per token, in cents
 */
public record BlockRangeVolume(
    long firstBlock, long lastBlock, long transfers, Map<String, Long> usdCentsByToken) {
  /** Copies the values, sorted by token. */
  public BlockRangeVolume {
    usdCentsByToken = new TreeMap<>(usdCentsByToken);
  }
}
