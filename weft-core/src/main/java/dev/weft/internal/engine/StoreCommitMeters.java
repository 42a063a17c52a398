package dev.weft.internal.engine;

import dev.weft.store.StoreMetrics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The store's writer transactions in a Micrometer registry: {@code weft.store.commit}
 * [weft_store_commit_seconds], how long each took, and {@code weft.store.commit.group.size}
 * [weft_store_commit_group_size], how many units of work (batches, claims, heartbeats) each
 * carried. Called on the store's writer thread; records without allocating.
 */
public final class StoreCommitMeters implements StoreMetrics {
  private final Timer latency;
  private final DistributionSummary groupSize;

  public StoreCommitMeters(MeterRegistry registry) {
    this.latency =
        Timer.builder("weft.store.commit")
            .description("store writer transactions, from their first statement to the commit")
            .register(registry);
    this.groupSize =
        DistributionSummary.builder("weft.store.commit.group.size")
            .description("units of work (batches, claims, heartbeats) per store transaction")
            .register(registry);
  }

  @Override
  public void committed(int units, long nanos) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
    groupSize.record(units);
  }
}
