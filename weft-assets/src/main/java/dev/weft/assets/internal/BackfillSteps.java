package dev.weft.assets.internal;

import dev.weft.activity.Activity;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.failure.ApplicationFailure;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.store.assets.backfills.RecordBackfillChunk;
import dev.weft.store.assets.backfills.SetBackfillStatus;
import java.time.Clock;
import java.util.List;

/**
 * {@link BackfillActivities}: runs a chunk through the materialization activities ({@link
 * StepActivities}) and adds the chunk's backfill record to the same completion, so a backfill's
 * progress commits with the catalog's write of the partitions, in one transaction.
 */
public final class BackfillSteps implements BackfillActivities {
  /** The status prefix of a chunk held back because the backfill's row is paused or canceling. */
  static final String HELD_PREFIX = "HELD_";

  private final String namespace;
  private final AssetGraph graph;
  private final StepActivities steps;
  private final Store store;
  private final Clock clock;
  private final CatalogPartitionsContext contexts;

  /** Creates the backfill activities of one engine's namespace. */
  public BackfillSteps(
      String namespace, AssetGraph graph, StepActivities steps, Store store, Clock clock) {
    this.namespace = namespace;
    this.graph = graph;
    this.steps = steps;
    this.store = store;
    this.clock = clock;
    this.contexts = new CatalogPartitionsContext(store, namespace, clock, graph);
  }

  @Override
  public StepOutcome materializeChunk(String backfillId, String step, long start, long end) {
    BackfillStatus status =
        store
            .extension(BackfillCatalog.class)
            .describe(namespace, backfillId)
            .map(BackfillRecord::status)
            .orElse(BackfillStatus.CANCELING);
    if (status != BackfillStatus.RUNNING && status != BackfillStatus.REQUESTED) {
      // a pause or cancel the workflow has not seen yet: hold the chunk, run nothing
      return new StepOutcome(
          step,
          definition(step).specs().stream().map(s -> s.key().path()).toList(),
          HELD_PREFIX + status.name(),
          null,
          "backfill " + status.name().toLowerCase(java.util.Locale.ROOT),
          List.of());
    }
    CommitResult claimed =
        store
            .commit(Batch.of(record(backfillId, step, start, end, ChunkStatus.IN_PROGRESS, null)))
            .join();
    if (claimed instanceof CommitResult.Conflict conflict) {
      throw new ApplicationFailure(conflict.reason(), "BackfillConflict", true, null);
    }
    StepOutcome outcome = steps.materializePartitions(step, start, end);
    Activity.commitWithCompletion(
        record(backfillId, step, start, end, ChunkStatus.MATERIALIZED, null));
    return outcome;
  }

  @Override
  public void recordFailure(
      String backfillId, String step, long start, long end, String errorType, String message) {
    steps.recordPartitionsFailure(step, start, end, errorType, message);
    Activity.commitWithCompletion(
        record(
            backfillId,
            step,
            start,
            end,
            ChunkStatus.FAILED,
            errorType + ": " + (message == null ? "" : message)));
  }

  @Override
  public void recordSkipped(String backfillId, String step, long start, long end, String why) {
    Activity.commitWithCompletion(record(backfillId, step, start, end, ChunkStatus.SKIPPED, why));
  }

  @Override
  public String finish(String backfillId, String status) {
    BackfillCatalog catalog = store.extension(BackfillCatalog.class);
    while (true) {
      BackfillRecord row = catalog.describe(namespace, backfillId).orElseThrow();
      if (row.status().ended()) {
        return row.status().name();
      }
      BackfillStatus end = status == null ? outcome(row.assets()) : BackfillStatus.valueOf(status);
      if (row.status() == BackfillStatus.CANCELING && status == null) {
        end = BackfillStatus.CANCELED;
      }
      CommitResult result =
          store
              .commit(Batch.of(new SetBackfillStatus(namespace, backfillId, end, clock.instant())))
              .join();
      if (result instanceof CommitResult.Committed) {
        return end.name();
      }
    }
  }

  private static BackfillStatus outcome(List<BackfillAssetProgress> assets) {
    for (BackfillAssetProgress a : assets) {
      if (a.failed() > 0 || a.skipped() > 0) {
        return BackfillStatus.FAILED;
      }
    }
    return BackfillStatus.COMPLETED;
  }

  private RecordBackfillChunk record(
      String backfillId, String step, long start, long end, ChunkStatus status, String error) {
    AssetsDefinition definition = definition(step);
    PartitionsDefinition partitions = graph.node(definition.specs().get(0).key()).partitions();
    PartitionsContext ctx = contexts.now();
    return new RecordBackfillChunk(
        namespace,
        backfillId,
        definition.specs().stream().map(s -> s.key().path()).toList(),
        start,
        end,
        partitions.key(start, ctx),
        partitions.key(end - 1, ctx),
        status,
        error,
        clock.instant());
  }

  private AssetsDefinition definition(String step) {
    for (AssetsDefinition d : graph.definitions()) {
      if (d.name().equals(step)) {
        return d;
      }
    }
    throw new ApplicationFailure(
        "no asset definition named " + step + " is registered on this engine",
        "UnknownAssetDefinition",
        true,
        null);
  }
}
