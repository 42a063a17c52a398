package dev.weft.examples.assets.blocks;

import dev.weft.assets.AssetPartitions;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Objects;

/** {@link ChainNodeActivities} on a {@link FakeChain}, observed into the catalog's partitions. */
public final class FakeChainNode implements ChainNodeActivities {
  private final FakeChain chain;
  private final AssetPartitions partitions;

  /** The node of {@code chain}, observed into {@code partitions}. */
  public FakeChainNode(FakeChain chain, AssetPartitions partitions) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.partitions = Objects.requireNonNull(partitions, "partitions");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code depth} is not within 1 and the head
   */
  @Override
  public String reorgAndObserve(int depth) {
    // the hashes before the re-org, for a chain not observed yet (a no-op when it was)
    BlockAssets.observeHashes(partitions, chain);
    long first = chain.reorgLast(depth);
    IndexRangeSet changed = BlockAssets.observeHashes(partitions, chain);
    return "re-org of blocks "
        + first
        + ".."
        + chain.head()
        + ": "
        + changed.size()
        + " block hashes changed, their dependents are stale";
  }
}
