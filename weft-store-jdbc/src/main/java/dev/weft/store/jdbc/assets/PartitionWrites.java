package dev.weft.store.jdbc.assets;

import dev.weft.store.Write;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.PartitionObservation;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.RecordPartitionObservations;
import dev.weft.store.assets.partitions.RecordPartitionsFailed;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.store.assets.partitions.ReleasePartitionsInProgress;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Applies the partition status writes: each takes the namespace's catalog lock ({@link
 * GraphCache#lock}), checks that every asset it names is in the graph, then rewrites only the
 * stored ranges its partitions overlap or touch ({@link RangePainter}), keeping the per-status
 * counts in step. A write's cascade targets are applied in the same transaction.
 */
final class PartitionWrites {
  private static final String INSERT_HISTORY =
      "INSERT INTO asset_history (namespace, asset_key, partition_key, run_id, data_version,"
          + " code_version, input_versions, metadata_json, started_at, finished_at, failure_type,"
          + " failure_message, at, partition_start, partition_end, partition_ranges)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

  private final GraphCache graphs;
  private final AssetWaiters waiters;
  private final ChangeLog changes;
  private final FreshnessWrites freshness;

  PartitionWrites(
      GraphCache graphs, AssetWaiters waiters, ChangeLog changes, FreshnessWrites freshness) {
    this.graphs = graphs;
    this.waiters = waiters;
    this.changes = changes;
    this.freshness = freshness;
  }

  void materialized(RecordPartitionsMaterialized w, WriteContext tx)
      throws SQLException, ConflictException {
    PartitionMaterialization m = w.materialization();
    AssetGraph graph = graphs.lock(tx, w.namespace(), m.finishedAt());
    requireInGraph(w, w.namespace(), graph, w.assetKey(), w.partitions());
    requireInGraph(w, w.namespace(), graph, w.cascade());
    PreparedStatement insert =
        history(tx, w.namespace(), w.assetKey(), w.partitions(), w.partitionText());
    insert.setString(4, m.runId());
    insert.setString(5, m.dataVersion());
    insert.setString(6, m.codeVersion());
    insert.setString(7, CatalogColumns.inputs(m.inputDataVersions()));
    insert.setString(8, m.metadataJson());
    insert.setLong(9, m.startedAt().toEpochMilli());
    insert.setLong(10, m.finishedAt().toEpochMilli());
    insert.setNull(11, Types.VARCHAR);
    insert.setNull(12, Types.VARCHAR);
    long at = m.finishedAt().toEpochMilli();
    insert.setLong(13, at);
    long id = insertedId(insert);
    RangeContent made = RangeContent.materialized(m.dataVersion(), id, m.runId());
    paint(tx, w.namespace(), w.assetKey(), w.partitions(), current -> made, at);
    freshness.clearPartitions(
        tx, w.namespace(), w.assetKey(), w.partitions(), id, m.runId(), m.finishedAt());
    changes.append(
        tx,
        w.namespace(),
        w.assetKey(),
        w.partitionText(),
        w.partitions(),
        AssetChangeKind.MATERIALIZED,
        m.runId(),
        m.finishedAt());
    cascade(tx, w.namespace(), w.cascade(), at);
    PartitionSummary.refresh(
        tx,
        w.namespace(),
        w.assetKey(),
        PartitionSummary.Latest.materialized(id, m.dataVersion(), m.codeVersion()),
        at);
    summarize(tx, w.namespace(), w.cascade(), at);
    // the whole asset changed: its maxLag violation (partition "") ends (the change log has the
    // partitions' entry above)
    freshness.clearByMaterialization(
        tx, w.namespace(), w.assetKey(), "", id, m.runId(), m.finishedAt());
    waiters.wakeSatisfied(tx, w.namespace(), m.finishedAt());
  }

  void failed(RecordPartitionsFailed w, WriteContext tx) throws SQLException, ConflictException {
    AssetGraph graph = graphs.lock(tx, w.namespace(), w.at());
    requireInGraph(w, w.namespace(), graph, w.assetKey(), w.partitions());
    PreparedStatement insert =
        history(tx, w.namespace(), w.assetKey(), w.partitions(), w.partitionText());
    insert.setString(4, w.runId());
    for (int column = 5; column <= 8; column++) {
      insert.setNull(column, Types.VARCHAR);
    }
    insert.setNull(9, Types.BIGINT);
    insert.setNull(10, Types.BIGINT);
    insert.setString(11, w.errorType());
    insert.setString(12, w.message());
    long at = w.at().toEpochMilli();
    insert.setLong(13, at);
    insertedId(insert);
    String failure = w.message().isEmpty() ? w.errorType() : w.errorType() + ": " + w.message();
    paint(
        tx,
        w.namespace(),
        w.assetKey(),
        w.partitions(),
        current -> RangeContent.failed(current, failure, w.runId()),
        at);
    changes.append(
        tx,
        w.namespace(),
        w.assetKey(),
        w.partitionText(),
        w.partitions(),
        AssetChangeKind.FAILED,
        w.runId(),
        w.at());
    PartitionSummary.refresh(
        tx, w.namespace(), w.assetKey(), PartitionSummary.Latest.failed(failure), at);
  }

  void inProgress(MarkPartitionsInProgress w, WriteContext tx)
      throws SQLException, ConflictException {
    AssetGraph graph = graphs.lock(tx, w.namespace(), w.at());
    requireInGraph(w, w.namespace(), graph, w.assetKey(), w.partitions());
    DeadClaims.release(tx, w.namespace(), w.assetKey(), w.partitions(), w.at().toEpochMilli());
    paint(
        tx,
        w.namespace(),
        w.assetKey(),
        w.partitions(),
        current -> RangeContent.claimed(current, w.runId()),
        w.at().toEpochMilli());
    PartitionSummary.refresh(
        tx, w.namespace(), w.assetKey(), PartitionSummary.Latest.NONE, w.at().toEpochMilli());
  }

  void release(ReleasePartitionsInProgress w, WriteContext tx)
      throws SQLException, ConflictException {
    graphs.lock(tx, w.namespace(), w.at());
    paint(
        tx,
        w.namespace(),
        w.assetKey(),
        w.partitions(),
        current -> RangeContent.released(current, w.runId()),
        w.at().toEpochMilli());
    PartitionSummary.refresh(
        tx, w.namespace(), w.assetKey(), PartitionSummary.Latest.NONE, w.at().toEpochMilli());
    waiters.wakeSatisfied(tx, w.namespace(), w.at());
  }

  void invalidate(InvalidatePartitions w, WriteContext tx) throws SQLException, ConflictException {
    AssetGraph graph = graphs.lock(tx, w.namespace(), w.at());
    requireInGraph(w, w.namespace(), graph, w.targets());
    PreparedStatement used =
        tx.prepare("SELECT 1 FROM asset_invalidations WHERE namespace = ? AND invalidation_id = ?");
    used.setString(1, w.namespace());
    used.setString(2, w.invalidationId());
    try (ResultSet rs = used.executeQuery()) {
      if (rs.next()) {
        throw new ConflictException(
            w,
            "invalidation "
                + w.invalidationId()
                + " of namespace "
                + w.namespace()
                + " was recorded before: expected a new invalidationId");
      }
    }
    long at = w.at().toEpochMilli();
    PreparedStatement record =
        tx.prepare(
            "INSERT INTO asset_invalidations (namespace, invalidation_id, position, asset_key,"
                + " partitions_made_stale, at) VALUES (?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < w.targets().size(); i++) {
      CascadeTarget target = w.targets().get(i);
      long madeStale = cascade(tx, w.namespace(), target, at);
      logStale(tx, w.namespace(), target, w.at());
      record.setString(1, w.namespace());
      record.setString(2, w.invalidationId());
      record.setInt(3, i);
      record.setString(4, target.assetKey());
      record.setLong(5, madeStale);
      record.setLong(6, at);
      record.executeUpdate();
    }
    summarize(tx, w.namespace(), w.targets(), at);
  }

  void observations(RecordPartitionObservations w, WriteContext tx)
      throws SQLException, ConflictException {
    AssetGraph graph = graphs.lock(tx, w.namespace(), w.at());
    requireInGraph(
        w,
        w.namespace(),
        graph,
        w.assetKey(),
        IndexRangeSet.of(w.observations().stream().map(o -> IndexRange.of(o.index())).toList()));
    requireInGraph(w, w.namespace(), graph, w.cascade());
    long at = w.at().toEpochMilli();
    for (PartitionObservation o : w.observations()) {
      StoredRange range = PartitionRangeSql.at(tx, w.namespace(), w.assetKey(), o.index());
      String stored = range == null ? null : range.content().dataVersion();
      if (!Objects.equals(stored, o.expectedVersion())) {
        throw new ConflictException(
            w,
            "partition "
                + o.index()
                + " of asset "
                + w.assetKey()
                + " has data version "
                + (stored == null ? "none" : "'" + stored + "'")
                + ", expected "
                + (o.expectedVersion() == null ? "none" : "'" + o.expectedVersion() + "'")
                + ": re-read the partitions, recompute the cascade and retry");
      }
    }
    List<IndexRange> changed = new ArrayList<>();
    for (PartitionObservation o : w.observations()) {
      RangeContent observed = RangeContent.materialized(o.dataVersion(), null, null);
      paint(
          tx,
          w.namespace(),
          w.assetKey(),
          IndexRangeSet.of(IndexRange.of(o.index())),
          current -> observed,
          at);
      if (!o.dataVersion().equals(o.expectedVersion())) {
        changed.add(IndexRange.of(o.index()));
      }
    }
    if (!changed.isEmpty()) {
      IndexRangeSet observed = IndexRangeSet.of(changed);
      changes.append(
          tx,
          w.namespace(),
          w.assetKey(),
          observed.toString(),
          observed,
          AssetChangeKind.OBSERVED,
          null,
          w.at());
    }
    cascade(tx, w.namespace(), w.cascade(), at);
    String latest = w.observations().get(w.observations().size() - 1).dataVersion();
    PartitionSummary.refresh(
        tx, w.namespace(), w.assetKey(), PartitionSummary.Latest.observed(latest), at);
    summarize(tx, w.namespace(), w.cascade(), at);
    waiters.wakeSatisfied(tx, w.namespace(), w.at());
  }

  /** Refreshes the whole-asset row of every asset a cascade reached. */
  private static void summarize(
      WriteContext tx, String namespace, List<CascadeTarget> targets, long at) throws SQLException {
    java.util.Set<String> done = new java.util.HashSet<>();
    for (CascadeTarget target : targets) {
      if (done.add(target.assetKey())) {
        PartitionSummary.refresh(
            tx, namespace, target.assetKey(), PartitionSummary.Latest.NONE, at);
      }
    }
  }

  /** Applies the cascade targets, logging a change for each that made partitions stale. */
  private void cascade(WriteContext tx, String namespace, List<CascadeTarget> targets, long at)
      throws SQLException {
    for (CascadeTarget target : targets) {
      if (cascade(tx, namespace, target, at) > 0) {
        logStale(tx, namespace, target, java.time.Instant.ofEpochMilli(at));
      }
    }
  }

  private void logStale(
      WriteContext tx, String namespace, CascadeTarget target, java.time.Instant at)
      throws SQLException {
    changes.append(
        tx,
        namespace,
        target.assetKey(),
        target.partitions().toString(),
        target.partitions(),
        AssetChangeKind.STALE,
        null,
        at);
  }

  /** Applies a cascade target; returns how many partitions went from materialized to stale. */
  private static long cascade(WriteContext tx, String namespace, CascadeTarget target, long at)
      throws SQLException {
    return paint(
        tx,
        namespace,
        target.assetKey(),
        target.partitions(),
        current -> RangeContent.cascade(current, target.reason()),
        at);
  }

  /**
   * Changes the partitions of {@code where} of an asset; returns how many more partitions are stale
   * after than before.
   */
  static long paint(
      WriteContext tx,
      String namespace,
      String asset,
      IndexRangeSet where,
      UnaryOperator<RangeContent> change,
      long at)
      throws SQLException {
    List<IndexRange> ranges = where.ranges();
    long lo = Math.max(0, ranges.get(0).start() - 1);
    long end = ranges.get(ranges.size() - 1).end();
    long hi = end == Long.MAX_VALUE ? end : end + 1;
    List<StoredRange> before = PartitionRangeSql.overlapping(tx, namespace, asset, lo, hi);
    List<StoredRange> after = RangePainter.paint(before, where, change, at);
    PartitionRangeSql.replace(tx, namespace, asset, before, after);
    return stale(after) - stale(before);
  }

  private static long stale(List<StoredRange> ranges) {
    long stale = 0;
    for (StoredRange r : ranges) {
      if (r.content().status() == PartitionStatus.STALE) {
        stale += r.size();
      }
    }
    return stale;
  }

  private static PreparedStatement history(
      WriteContext tx, String namespace, String asset, IndexRangeSet partitions, String text)
      throws SQLException {
    PreparedStatement insert = tx.prepare(INSERT_HISTORY);
    List<IndexRange> ranges = partitions.ranges();
    insert.setString(1, namespace);
    insert.setString(2, asset);
    insert.setString(3, text);
    insert.setLong(14, ranges.get(0).start());
    insert.setLong(15, ranges.get(ranges.size() - 1).end());
    insert.setString(16, ranges.size() == 1 ? null : partitions.toString());
    return insert;
  }

  private static long insertedId(PreparedStatement insert) throws SQLException {
    try (ResultSet rs = insert.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void requireInGraph(
      Write w, String namespace, AssetGraph graph, List<CascadeTarget> targets)
      throws ConflictException {
    for (CascadeTarget target : targets) {
      requireInGraph(w, namespace, graph, target.assetKey(), target.partitions());
    }
  }

  static void requireInGraph(
      Write w, String namespace, AssetGraph graph, String asset, IndexRangeSet partitions)
      throws ConflictException {
    if (graph.node(asset) == null) {
      throw new ConflictException(
          w,
          "asset "
              + asset
              + " (partitions "
              + partitions
              + ") is not in the asset graph of namespace "
              + namespace
              + ": expected an asset of the registered graph");
    }
  }
}
