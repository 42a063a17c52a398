package dev.weft.examples.assets.blocks;

import dev.weft.examples.assets.chain.TokenPrices;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a token metadata service: the USD price of each token as of a block
 * (derived from the block number). The metadata of a pending block is not there yet ({@link
 * #pricesAt} throws {@link MetadataNotThereYetException}) until it is {@linkplain #publish
 * published}. Thread-safe.
 */
public final class TokenMetadata {
  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final Map<Long, AtomicInteger> lookups = new ConcurrentHashMap<>();

  private TokenMetadata(Set<Long> pending) {
    this.pending.addAll(pending);
  }

  /** Metadata of every block, none pending. */
  public static TokenMetadata published() {
    return new TokenMetadata(Set.of());
  }

  /** Metadata of every block but {@code pendingBlocks}, until they are published. */
  public static TokenMetadata pending(long... pendingBlocks) {
    Set<Long> blocks = new java.util.HashSet<>();
    for (long b : pendingBlocks) {
      blocks.add(b);
    }
    return new TokenMetadata(blocks);
  }

  /**
   * Returns the USD prices of the tokens as of block {@code block}.
   *
   * @throws MetadataNotThereYetException when the block's metadata is not published yet
   */
  public TokenPrices pricesAt(long block) {
    lookups.computeIfAbsent(block, b -> new AtomicInteger()).incrementAndGet();
    if (pending.contains(block)) {
      throw new MetadataNotThereYetException(block);
    }
    long drift = block % 50;
    return new TokenPrices(
        Map.of("ETH", 300_000L + drift * 100, "USDC", 100L, "WEFT", 25L + drift));
  }

  /** Publishes the metadata of {@code block}: the next lookup finds it. */
  public void publish(long block) {
    pending.remove(block);
  }

  /**
   * Returns how many times the metadata of {@code block} was looked up, failed lookups included.
   */
  public int lookups(long block) {
    AtomicInteger n = lookups.get(block);
    return n == null ? 0 : n.get();
  }
}
