package dev.weft.examples.catchup;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A chain node for the tests: serves a {@link SimulatedChain}, counts how often each block was
 * fetched, and is unreachable for blocks from {@code unreachableFrom} on (an outage in the middle
 * of a batch).
 */
final class TestNode implements BlockSource {
  static final String CHAIN = "test-chain";

  private final SimulatedChain chain = new SimulatedChain(CHAIN);
  private final AtomicIntegerArray fetches;
  private final long unreachableFrom;
  final AtomicInteger failures = new AtomicInteger();

  private TestNode(int blocks, long unreachableFrom) {
    this.fetches = new AtomicIntegerArray(blocks);
    this.unreachableFrom = unreachableFrom;
  }

  /** A node that serves blocks {@code [0, blocks)}. */
  static TestNode healthy(int blocks) {
    return new TestNode(blocks, Long.MAX_VALUE);
  }

  /** A node that serves blocks below {@code unreachableFrom} and fails on the others. */
  static TestNode unreachableFrom(int blocks, long unreachableFrom) {
    return new TestNode(blocks, unreachableFrom);
  }

  @Override
  public Block fetch(long number) {
    if (number >= unreachableFrom) {
      failures.incrementAndGet();
      throw new IllegalStateException("node unreachable at block " + number);
    }
    Block block = chain.fetch(number);
    fetches.incrementAndGet(Math.toIntExact(number));
    return block;
  }

  /** Returns how often block {@code number} was served. */
  int fetches(long number) {
    return fetches.get(Math.toIntExact(number));
  }
}
