package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.RegisterAssetGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Makes a code location's definitions in the catalog exactly those of a graph: its nodes and its
 * freshness policies in one store transaction (other locations' stay), then the freshness watches
 * started, kept or terminated to match the policies that committed.
 */
public final class LocationRegistration {
  private final WeftEngine engine;
  private final String location;
  private final Clock clock;

  /** Registers {@code location}'s definitions in {@code engine}'s store, stamped by clock. */
  public LocationRegistration(WeftEngine engine, String location, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.location = Objects.requireNonNull(location, "location");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Registers {@code graph} as the location's definitions.
   *
   * @throws IllegalStateException with the catalog's reason when it refused the graph (a key
   *     another location defines, naming both locations, or an upstream key no location defines)
   */
  public void register(AssetGraph graph) {
    FreshnessWatches freshness =
        new FreshnessWatches(
            engine.client(),
            engine.store().extension(FreshnessCatalog.class),
            engine.namespace(),
            location,
            MaterializeWorkflow.taskQueue(location));
    Instant now = clock.instant();
    CommitResult registered =
        engine
            .store()
            .commit(
                Batch.of(
                    new RegisterAssetGraph(
                        engine.namespace(), location, CatalogNodes.of(graph), now),
                    freshness.registration(graph, now)))
            .join();
    if (registered instanceof CommitResult.Conflict conflict) {
      throw new IllegalStateException(conflict.reason());
    }
    freshness.reconcile();
  }
}
