package dev.weft.examples.triggers;

import dev.weft.engine.EngineService;
import dev.weft.examples.assets.chain.FakeChain;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Grows the fake chain in {@code weft dev}: one new block every {@code every} while the engine
 * runs, so that the sensor {@value ExampleTriggers#CHAIN_HEIGHT} has new blocks to ingest.
 */
public final class ChainMiner implements EngineService {
  private final FakeChain chain;
  private final Duration every;
  private ScheduledExecutorService timer;

  /**
   * Mines a block on {@code chain} every {@code every}.
   *
   * @throws IllegalArgumentException if {@code every} is not positive
   */
  public ChainMiner(FakeChain chain, Duration every) {
    this.chain = Objects.requireNonNull(chain, "chain");
    if (every == null || !every.isPositive()) {
      throw new IllegalArgumentException(
          "chain miner interval is " + every + ": expected a positive duration");
    }
    this.every = every;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "examples-chain-miner");
              thread.setDaemon(true);
              return thread;
            });
    long millis = every.toMillis();
    timer.scheduleAtFixedRate(() -> chain.mine(1), millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      // a block being mined is finished before close returns: none is added after it
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
