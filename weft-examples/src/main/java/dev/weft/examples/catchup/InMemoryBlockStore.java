package dev.weft.examples.catchup;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link BlockStore} in memory, for the demo and tests. Thread-safe. */
public final class InMemoryBlockStore implements BlockStore {
  private final ConcurrentMap<Long, Block> blocks = new ConcurrentHashMap<>();
  private final AtomicLong duplicatesSkipped = new AtomicLong();

  @Override
  public boolean store(Block block) {
    Block existing = blocks.putIfAbsent(block.number(), block);
    if (existing == null) {
      return true;
    }
    if (!existing.hash().equals(block.hash())) {
      throw new IllegalStateException(
          "block "
              + block.number()
              + " is stored with hash "
              + existing.hash()
              + ", not "
              + block.hash()
              + ": a re-org");
    }
    duplicatesSkipped.incrementAndGet();
    return false;
  }

  @Override
  public Optional<Block> get(long number) {
    return Optional.ofNullable(blocks.get(number));
  }

  @Override
  public long size() {
    return blocks.size();
  }

  @Override
  public long duplicatesSkipped() {
    return duplicatesSkipped.get();
  }
}
