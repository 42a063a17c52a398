package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RecordMaterializationFailure;
import dev.weft.store.assets.RecordObservation;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Applies the writes that change an asset partition's data or outcome: {@link
 * RecordMaterialization} and {@link RecordMaterializationFailure} (each a history entry) and {@link
 * RecordObservation}, then the staleness they cause. A write about an asset that is not in the
 * graph (removed while its run ran) is recorded all the same, with no staleness: refusing it would
 * fail the activity completion it commits with. A materialization or observation then wakes the
 * waiters it satisfied ({@link AssetWaiters}).
 */
final class MaterializationWrites {
  private static final String INSERT =
      "INSERT INTO asset_history (namespace, asset_key, partition_key, run_id, data_version,"
          + " code_version, input_versions, metadata_json, started_at, finished_at, failure_type,"
          + " failure_message, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

  private final GraphCache graphs;
  private final AssetWaiters waiters;
  private final ChangeLog changes;
  private final FreshnessWrites freshness;

  MaterializationWrites(
      GraphCache graphs, AssetWaiters waiters, ChangeLog changes, FreshnessWrites freshness) {
    this.graphs = graphs;
    this.waiters = waiters;
    this.changes = changes;
    this.freshness = freshness;
  }

  void materialization(RecordMaterialization w, WriteContext tx)
      throws SQLException, ConflictException {
    MaterializationRecord m = w.materialization();
    AssetGraph graph = graphs.lock(tx, w.namespace(), m.finishedAt());
    PreparedStatement insert = tx.prepare(INSERT);
    insert.setString(1, w.namespace());
    insert.setString(2, m.assetKey());
    insert.setString(3, m.partition());
    insert.setString(4, m.runId());
    insert.setString(5, m.dataVersion());
    insert.setString(6, m.codeVersion());
    insert.setString(7, CatalogColumns.inputs(m.inputDataVersions()));
    insert.setString(8, m.metadataJson());
    insert.setLong(9, m.startedAt().toEpochMilli());
    insert.setLong(10, m.finishedAt().toEpochMilli());
    insert.setNull(11, Types.VARCHAR);
    insert.setNull(12, Types.VARCHAR);
    insert.setLong(13, m.finishedAt().toEpochMilli());
    long id = insertedId(insert);
    StateRows rows = new StateRows(tx, w.namespace(), m.partition());
    StateRow row = rows.get(m.assetKey());
    String before = row.dataVersion;
    row.materialized(id, m);
    Set<String> dataChanged = m.dataVersion().equals(before) ? Set.of() : Set.of(m.assetKey());
    new Staleness(graph, rows)
        .propagate(List.of(m.assetKey()), dataChanged, m.finishedAt().toEpochMilli());
    rows.save();
    clearFreshnessViolation(tx, w.namespace(), m, id);
    waiters.wakeSatisfied(tx, w.namespace(), m.finishedAt());
    logChange(
        tx,
        w.namespace(),
        m.assetKey(),
        m.partition(),
        AssetChangeKind.MATERIALIZED,
        m.runId(),
        m.finishedAt());
  }

  /** A materialization ends its asset partition's open freshness violation (if any). */
  private void clearFreshnessViolation(
      WriteContext tx, String namespace, MaterializationRecord m, long historyId)
      throws SQLException {
    freshness.clearByMaterialization(
        tx, namespace, m.assetKey(), m.partition(), historyId, m.runId(), m.finishedAt());
  }

  void failure(RecordMaterializationFailure w, WriteContext tx) throws SQLException {
    graphs.lock(tx, w.namespace(), w.at());
    long at = w.at().toEpochMilli();
    PreparedStatement insert = tx.prepare(INSERT);
    insert.setString(1, w.namespace());
    insert.setString(2, w.assetKey());
    insert.setString(3, w.partition());
    insert.setString(4, w.runId());
    for (int column = 5; column <= 8; column++) {
      insert.setNull(column, Types.VARCHAR);
    }
    insert.setNull(9, Types.BIGINT);
    insert.setNull(10, Types.BIGINT);
    insert.setString(11, w.errorType());
    insert.setString(12, w.message());
    insert.setLong(13, at);
    insertedId(insert);
    StateRows rows = new StateRows(tx, w.namespace(), w.partition());
    rows.get(w.assetKey()).failed(failureMessage(w), at);
    rows.save();
    logChange(
        tx, w.namespace(), w.assetKey(), w.partition(), AssetChangeKind.FAILED, w.runId(), w.at());
  }

  void observation(RecordObservation w, WriteContext tx) throws SQLException, ConflictException {
    AssetGraph graph = graphs.lock(tx, w.namespace(), w.at());
    long at = w.at().toEpochMilli();
    StateRows rows = new StateRows(tx, w.namespace(), w.partition());
    StateRow row = rows.get(w.assetKey());
    if (w.dataVersion().equals(row.observedVersion) && !row.failed()) {
      row.touch(at);
    } else {
      boolean changed = row.observed(w.dataVersion(), at);
      new Staleness(graph, rows)
          .propagate(List.of(w.assetKey()), changed ? Set.of(w.assetKey()) : Set.of(), at);
      if (changed) {
        logChange(
            tx, w.namespace(), w.assetKey(), w.partition(), AssetChangeKind.OBSERVED, null, w.at());
      }
    }
    rows.save();
    waiters.wakeSatisfied(tx, w.namespace(), w.at());
  }

  /**
   * Appends the write's change to the change log that declarative automation reads, in the write's
   * transaction (which holds the namespace's catalog lock).
   */
  private void logChange(
      WriteContext tx,
      String namespace,
      String assetKey,
      String partition,
      AssetChangeKind kind,
      String runId,
      Instant at)
      throws SQLException {
    changes.append(tx, namespace, assetKey, partition, kind, runId, at);
  }

  private static String failureMessage(RecordMaterializationFailure w) {
    return w.message().isEmpty() ? w.errorType() : w.errorType() + ": " + w.message();
  }

  private static long insertedId(PreparedStatement insert) throws SQLException {
    try (ResultSet rs = insert.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
