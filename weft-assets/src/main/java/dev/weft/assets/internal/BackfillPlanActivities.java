package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.failure.ApplicationFailure;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.PlanBackfill;
import java.time.Clock;

/**
 * {@link BackfillPlanning} on a node hosting the asset code: reads the backfill's row, resolves it
 * against this node's graph ({@link BackfillPlanner}) and returns the window asked for; the first
 * window also records the plan.
 */
public final class BackfillPlanActivities implements BackfillPlanning {
  private final String namespace;
  private final AssetGraph graph;
  private final Store store;
  private final Clock clock;

  /** Creates the planning activities of one engine's namespace. */
  public BackfillPlanActivities(String namespace, AssetGraph graph, Store store, Clock clock) {
    this.namespace = namespace;
    this.graph = graph;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public BackfillWindow window(String backfillId, long offset) {
    BackfillRecord row =
        store
            .extension(BackfillCatalog.class)
            .describe(namespace, backfillId)
            .orElseThrow(
                () ->
                    new ApplicationFailure(
                        "backfill " + backfillId + " is not in namespace " + namespace,
                        "BackfillNotFound",
                        true,
                        null));
    if (row.status().ended() || row.status() == BackfillStatus.CANCELING) {
      return new BackfillWindow(row.status().name(), null, -1);
    }
    PartitionsContext ctx = CatalogPartitionsContext.at(store, namespace, clock.instant());
    BackfillPlanner.Resolved resolved;
    BackfillWindow window;
    try {
      resolved =
          BackfillPlanner.resolve(
              graph, row.selection(), BackfillPartitions.parse(row.partitionsJson()), ctx);
      window =
          BackfillPlanner.window(
              graph, resolved, offset, row.maxConcurrentRuns(), row.status().name(), ctx);
    } catch (IllegalArgumentException e) {
      throw new ApplicationFailure(
          "backfill " + backfillId + ": " + e.getMessage(),
          e.getClass().getSimpleName(),
          true,
          null);
    }
    if (offset == 0) {
      CommitResult planned =
          store
              .commit(
                  Batch.of(
                      new PlanBackfill(
                          namespace, backfillId, resolved.partitionsPerAsset(), clock.instant())))
              .join();
      if (planned instanceof CommitResult.Conflict conflict) {
        throw new ApplicationFailure(conflict.reason(), "BackfillConflict", true, null);
      }
    }
    return window;
  }
}
