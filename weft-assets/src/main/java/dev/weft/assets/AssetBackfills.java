package dev.weft.assets;

import dev.weft.assets.internal.BackfillPlanner;
import dev.weft.store.assets.backfills.BackfillChunkPage;
import dev.weft.store.assets.backfills.BackfillPage;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The backfills of these assets: durable {@code __weft_backfill} workflows over a selection and a
 * partition range, one compute call per chunk of at most the asset's {@code maxPartitionsPerRun}
 * partitions, at most {@code maxConcurrentRuns} at once; a downstream chunk starts as soon as the
 * upstream chunks it reads committed. Their progress (per asset: materialized, failed, in progress,
 * skipped, pending) is kept in the catalog, written with each chunk's catalog write; a backfill
 * survives restarts and continues where it was.
 *
 * <pre>{@code
 * BackfillRecord bf = assets.backfills().launch(
 *     BackfillRequest.of("daily+", PartitionSelection.range("2024-01-01", "2024-01-31")));
 * assets.backfills().pause(bf.backfillId());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AssetBackfills {
  private final AssetGraph graph;
  private final String location;
  private final Clock clock;
  private final CatalogBackfills catalog;

  AssetBackfills(AssetGraph graph, String location, Clock clock, CatalogBackfills catalog) {
    this.graph = graph;
    this.location = location;
    this.clock = clock;
    this.catalog = catalog;
  }

  /**
   * Checks the request against the graph and starts the backfill; returns its row (REQUESTED).
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming unknown keys
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition when
   *     a key is outside the definition or a range holds no partition
   * @throws IllegalArgumentException naming an unpartitioned asset, or assets partitioned
   *     differently
   */
  public BackfillRecord launch(BackfillRequest request) {
    BackfillPlanner.Resolved resolved = resolve(request);
    return catalog.start(
        resolved.base().selection(),
        location,
        request.partitions(),
        request.maxConcurrentRuns(),
        null);
  }

  /**
   * Returns what the backfill would run, per asset (partitions and compute calls), without running
   * it.
   *
   * @throws IllegalArgumentException as {@link #launch}
   */
  public BackfillDryRun dryRun(BackfillRequest request) {
    BackfillPlanner.Resolved resolved = resolve(request);
    List<BackfillDryRun.Asset> assets = new ArrayList<>();
    for (var step : resolved.base().steps()) {
      int max =
          graph
              .node(AssetKey.of(step.keys().get(0)))
              .definition()
              .partitioning()
              .maxPartitionsPerRun();
      for (String key : step.keys()) {
        assets.add(
            new BackfillDryRun.Asset(
                key, resolved.indexes().size(), CatalogBackfills.runs(resolved.indexes(), max)));
      }
    }
    return CatalogBackfills.dryRun(resolved.base().selection(), assets);
  }

  private BackfillPlanner.Resolved resolve(BackfillRequest request) {
    return BackfillPlanner.resolve(
        graph, request.selection(), request.partitions(), catalog.context(clock.instant()));
  }

  /**
   * Returns the backfill with its progress per asset.
   *
   * @throws BackfillException NOT_FOUND when the namespace has no such backfill
   */
  public BackfillRecord describe(String backfillId) {
    return catalog.describe(backfillId);
  }

  /**
   * Returns a page of the namespace's backfills, newest first.
   *
   * @param status only those of this status; null for all
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the page size, 1 to 1,000
   */
  public BackfillPage list(BackfillStatus status, String pageToken, int limit) {
    return catalog.list(status, pageToken, limit);
  }

  /** Returns a page of the backfill's failed ranges, with their errors. */
  public BackfillChunkPage failed(String backfillId, String pageToken, int limit) {
    return catalog.failed(backfillId, pageToken, limit);
  }

  /** Pauses the backfill (see {@link CatalogBackfills#pause}). */
  public BackfillRecord pause(String backfillId) {
    return catalog.pause(backfillId);
  }

  /** Resumes the backfill (see {@link CatalogBackfills#resume}). */
  public BackfillRecord resume(String backfillId) {
    return catalog.resume(backfillId);
  }

  /** Cancels the backfill (see {@link CatalogBackfills#cancel}). */
  public BackfillRecord cancel(String backfillId) {
    return catalog.cancel(backfillId);
  }

  /**
   * Starts a new backfill over exactly the failed (and skipped) partitions of this one (see {@link
   * CatalogBackfills#retryFailed}).
   */
  public BackfillRecord retryFailed(String backfillId) {
    return catalog.retryFailed(backfillId);
  }
}
