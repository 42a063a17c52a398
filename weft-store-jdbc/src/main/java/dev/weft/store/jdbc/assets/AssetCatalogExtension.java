package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.ForgetAssetWait;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.RecordCheckResult;
import dev.weft.store.assets.RecordFreshnessViolation;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RecordMaterializationFailure;
import dev.weft.store.assets.RecordObservation;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.RegisterFreshnessPolicies;
import dev.weft.store.assets.automation.AcquireAutomationLease;
import dev.weft.store.assets.automation.AppendCronTick;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.automation.RecordAutomationEvaluations;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.CreateBackfill;
import dev.weft.store.assets.backfills.PlanBackfill;
import dev.weft.store.assets.backfills.RecordBackfillChunk;
import dev.weft.store.assets.backfills.SetBackfillStatus;
import dev.weft.store.assets.partitions.AddDynamicPartitions;
import dev.weft.store.assets.partitions.AdvanceIntegerPartitionEnd;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.RecordPartitionObservations;
import dev.weft.store.assets.partitions.RecordPartitionsFailed;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.store.assets.partitions.ReleasePartitionsInProgress;
import dev.weft.store.assets.partitions.RemoveDynamicPartitions;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.WriteContext;
import java.sql.SQLException;

/**
 * The store extension of the asset catalog ({@code asset-catalog}): applies {@link
 * RegisterAssetGraph}, {@link RecordMaterialization}, {@link RecordMaterializationFailure}, {@link
 * RecordObservation} and {@link RecordCheckResult}, and offers {@link AssetCatalog}. Its tables,
 * created by the migrations in {@code db/ext/asset-catalog/<dialect>/}, are the graphs ({@code
 * asset_graphs}, {@code asset_nodes}, {@code asset_edges}), the current state of every asset
 * partition ({@code asset_states}), the history of materializations and failures ({@code
 * asset_history}) and check results ({@code asset_check_results}, {@code asset_check_latest});
 * every row about data is keyed by (namespace, asset key, partition).
 *
 * <p>Statuses and stale reasons are kept incrementally: each write updates, in its own transaction,
 * the state rows whose status or reasons it changes, propagating through the graph in dependency
 * order; reads never compute them. A catalog write first locks its namespace's row of {@code
 * asset_graphs}, so catalog writes of one namespace are serialized even when several nodes share a
 * PostgreSQL store, and the graph each store caches per namespace is checked against the version
 * stored there. Catalog rows belong to no run: deleting a run keeps the history it recorded. Runs
 * waiting for an asset ({@link AwaitAsset}, table {@code asset_waiters}) are woken by the catalog
 * write that satisfies them, in its transaction; a deleted run's waiters go with it. Declared in
 * this module's {@code META-INF/services}, so every SQL store installs it unless its options name
 * other extensions.
 *
 * <p>Partition status (issue 21, migration V004) is kept as ranges of partition indexes in {@code
 * asset_partition_ranges} with per-status counts in {@code asset_partition_counts}: {@link
 * RecordPartitionsMaterialized}, {@link RecordPartitionsFailed}, {@link MarkPartitionsInProgress},
 * {@link ReleasePartitionsInProgress}, {@link InvalidatePartitions}, {@link
 * RecordPartitionObservations} ({@link PartitionWrites}), the keys of dynamic definitions ({@link
 * AddDynamicPartitions}, {@link RemoveDynamicPartitions}), the current ends of named growing
 * integer ranges ({@link AdvanceIntegerPartitionEnd}, V010: {@code asset_integer_ranges}), read
 * through {@link PartitionStatusReader}. Cascades arrive computed (the store never interprets a
 * partition mapping) and are applied in the write's transaction, under the same namespace lock.
 * Each partition write also keeps the asset's whole-asset row ({@code asset_states}, partition
 * {@code ""}) in step ({@link PartitionSummary}: the worst status of the stored partitions, the
 * latest materialization), clears the whole asset's maxLag violation and logs the change when
 * partitions materialize, and wakes the waiters it satisfies, those on the whole asset and those on
 * one partition ({@code asset_waiters.partition_index}, V009). A claim of a closed run (a
 * terminated run never releases its own) is released when the next claim or a dynamic key's removal
 * meets it ({@link DeadClaims}).
 *
 * <p>Freshness policies and their violations ({@link RegisterFreshnessPolicies}, {@link
 * RecordFreshnessViolation}, {@link FreshnessCatalog}; tables {@code asset_freshness_policies} and
 * {@code asset_freshness_violations}) are cleared by the materialization that lands, in its
 * transaction.
 *
 * <p>Every write that changes an asset also appends to the namespace's change log ({@code
 * asset_changes}) in its transaction, which declarative automation reads after its durable cursor
 * ({@link AutomationLog}); {@link RecordAutomationEvaluations} records what the evaluator decided
 * and moves that cursor, fenced by its lease ({@link AcquireAutomationLease}).
 *
 * <p>Backfills (migration V007: {@code asset_backfills}, {@code asset_backfill_assets}, {@code
 * asset_backfill_chunks}): {@link CreateBackfill}, {@link PlanBackfill}, {@link
 * RecordBackfillChunk} (added to a chunk's compute completion, so its progress commits with its
 * catalog write), {@link SetBackfillStatus}, read through {@link BackfillCatalog}.
 */
public final class AssetCatalogExtension implements JdbcExtension {

  /** Creates the extension (the service loader calls this). */
  public AssetCatalogExtension() {}

  @Override
  public String name() {
    return "asset-catalog";
  }

  @Override
  public void install(Registry registry) {
    GraphCache graphs = new GraphCache(registry.dialect().rowLockClause());
    AssetWaiters waiters = new AssetWaiters(graphs);
    ChangeLog changes = new ChangeLog();
    BackfillWrites backfills = new BackfillWrites(registry.dialect().rowLockClause());
    FreshnessWrites freshness = new FreshnessWrites(graphs, changes);
    PartitionWrites partitions = new PartitionWrites(graphs, waiters, changes, freshness);
    DynamicPartitionWrites dynamic = new DynamicPartitionWrites(graphs);
    GraphRegistration registration = new GraphRegistration(graphs, waiters, changes);
    MaterializationWrites materializations =
        new MaterializationWrites(graphs, waiters, changes, freshness);
    AutomationWrites automation =
        new AutomationWrites(graphs, changes, registry.dialect().rowLockClause());
    registry
        .write(RegisterAssetGraph.class, registration::apply)
        .write(RecordMaterialization.class, materializations::materialization)
        .write(RecordMaterializationFailure.class, materializations::failure)
        .write(RecordObservation.class, materializations::observation)
        .write(RecordCheckResult.class, CheckResultWrites::apply)
        .write(AwaitAsset.class, waiters::await)
        .write(ForgetAssetWait.class, waiters::forget)
        .write(RecordPartitionsMaterialized.class, partitions::materialized)
        .write(RecordPartitionsFailed.class, partitions::failed)
        .write(MarkPartitionsInProgress.class, partitions::inProgress)
        .write(ReleasePartitionsInProgress.class, partitions::release)
        .write(InvalidatePartitions.class, partitions::invalidate)
        .write(RecordPartitionObservations.class, partitions::observations)
        .write(AddDynamicPartitions.class, dynamic::add)
        .write(RemoveDynamicPartitions.class, dynamic::remove)
        .write(AdvanceIntegerPartitionEnd.class, new IntegerRangeWrites()::advance)
        .write(RegisterFreshnessPolicies.class, freshness::register)
        .write(RecordFreshnessViolation.class, freshness::violation)
        .reads(AssetCatalog.class, new JdbcAssetCatalog(registry.readPool()))
        .reads(PartitionStatusReader.class, new JdbcPartitionStatusReader(registry.readPool()))
        .write(AcquireAutomationLease.class, automation::lease)
        .write(RecordAutomationEvaluations.class, automation::evaluations)
        .write(AppendCronTick.class, automation::cronTick)
        .reads(FreshnessCatalog.class, new JdbcFreshnessCatalog(registry.readPool()))
        .reads(AutomationLog.class, new JdbcAutomationLog(registry.readPool(), changes))
        .write(CreateBackfill.class, backfills::create)
        .write(PlanBackfill.class, backfills::plan)
        .write(RecordBackfillChunk.class, backfills::chunk)
        .write(SetBackfillStatus.class, backfills::status)
        .reads(BackfillCatalog.class, new JdbcBackfillCatalog(registry.readPool()));
  }

  @Override
  public void deleteRun(String runId, WriteContext context) throws SQLException {
    AssetWaiters.deleteRun(runId, context);
  }
}
