package dev.weft.examples.catchup;

/**
 * {@link BlockIngestion} from a {@link BlockSource} into a {@link BlockStore}, block by block. An
 * attempt that fails halfway (the node went away) leaves the blocks it stored; the retry finds them
 * and skips them. Thread-safe if its source and store are.
 */
public final class ChainIngestion implements BlockIngestion {
  private final BlockSource source;
  private final BlockStore store;

  /** Creates the activities over a source and a store. */
  public ChainIngestion(BlockSource source, BlockStore store) {
    this.source = source;
    this.store = store;
  }

  @Override
  public BatchReceipt ingestBatch(long from, long to) {
    long stored = 0;
    for (long number = from; number < to; number++) {
      if (store.store(source.fetch(number))) {
        stored++;
      }
    }
    return new BatchReceipt(from, to, stored, (to - from) - stored);
  }
}
