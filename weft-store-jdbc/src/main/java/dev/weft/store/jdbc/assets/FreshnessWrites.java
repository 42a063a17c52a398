package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.store.assets.RecordFreshnessViolation;
import dev.weft.store.assets.RegisterFreshnessPolicies;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the freshness writes: {@link RegisterFreshnessPolicies} and {@link
 * RecordFreshnessViolation}, and clears an asset partition's open violation in the transaction of
 * the materialization that lands ({@link #clearByMaterialization}, called by {@link
 * MaterializationWrites}). Each write takes the namespace's catalog lock first, so a violation and
 * a materialization of one asset never interleave.
 */
final class FreshnessWrites {
  private static final String CLEAR =
      "UPDATE asset_freshness_violations SET cleared_at = ?, cleared_by_id = ?, cleared_by_run = ?,"
          + " clear_reason = ? WHERE namespace = ? AND asset_key = ? AND partition_key = ?"
          + " AND cleared_at IS NULL";

  private final GraphCache graphs;
  private final ChangeLog changes;

  FreshnessWrites(GraphCache graphs, ChangeLog changes) {
    this.graphs = graphs;
    this.changes = changes;
  }

  void register(RegisterFreshnessPolicies w, WriteContext tx) throws SQLException {
    graphs.lock(tx, w.namespace(), w.at());
    Map<String, FreshnessPolicyRecord> stored = stored(tx, w.namespace(), w.location());
    Map<String, FreshnessPolicyRecord> wanted = new HashMap<>();
    w.policies().forEach(p -> wanted.put(p.assetKey(), p));
    for (String key : stored.keySet()) {
      if (!wanted.containsKey(key)) {
        delete(tx, w.namespace(), key);
        clearPolicy(tx, w, key, FreshnessViolationRecord.POLICY_REMOVED);
      }
    }
    for (String key : policiesOfRemovedAssets(tx, w.namespace())) {
      delete(tx, w.namespace(), key);
      clearPolicy(tx, w, key, FreshnessViolationRecord.POLICY_REMOVED);
    }
    for (FreshnessPolicyRecord p : w.policies()) {
      FreshnessPolicyRecord before = stored.get(p.assetKey());
      if (p.samePolicy(before)) {
        continue;
      }
      if (before != null) {
        clearPolicy(tx, w, p.assetKey(), FreshnessViolationRecord.POLICY_CHANGED);
      }
      delete(tx, w.namespace(), p.assetKey());
      insert(tx, w, p);
    }
  }

  void violation(RecordFreshnessViolation w, WriteContext tx)
      throws SQLException, ConflictException {
    graphs.lock(tx, w.namespace(), w.at());
    PreparedStatement policy =
        tx.prepare(
            "SELECT kind, max_lag_ms, deadline_time, registered_at FROM asset_freshness_policies"
                + " WHERE namespace = ? AND asset_key = ?");
    policy.setString(1, w.namespace());
    policy.setString(2, w.assetKey());
    String described;
    try (ResultSet rs = policy.executeQuery()) {
      if (!rs.next() || rs.getLong(4) != w.policyRegisteredAt().toEpochMilli()) {
        throw new ConflictException(
            w,
            "asset "
                + w.assetKey()
                + ": its freshness policy registered at "
                + w.policyRegisteredAt()
                + " is no longer the asset's");
      }
      described = FreshnessColumns.policy(w.assetKey(), rs, 1).describe();
    }
    Long finishedAt = w.partitionIndex() == null ? currentFinishedAt(tx, w) : partitionHeld(tx, w);
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO asset_freshness_violations (namespace, asset_key, partition_key, policy,"
                + " deadline_ms, last_materialized_ms, recorded_at, partition_index)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                + " asset_freshness_violations WHERE namespace = ? AND asset_key = ?"
                + " AND partition_key = ? AND cleared_at IS NULL)");
    insert.setString(1, w.namespace());
    insert.setString(2, w.assetKey());
    insert.setString(3, w.partition());
    insert.setString(4, described);
    insert.setLong(5, w.deadline().toEpochMilli());
    if (finishedAt == null) {
      insert.setNull(6, Types.BIGINT);
    } else {
      insert.setLong(6, finishedAt);
    }
    insert.setLong(7, w.at().toEpochMilli());
    if (w.partitionIndex() == null) {
      insert.setNull(8, Types.BIGINT);
    } else {
      insert.setLong(8, w.partitionIndex());
    }
    insert.setString(9, w.namespace());
    insert.setString(10, w.assetKey());
    insert.setString(11, w.partition());
    if (insert.executeUpdate() == 1) {
      changes.append(
          tx,
          w.namespace(),
          w.assetKey(),
          w.partition(),
          w.partitionIndex() == null ? null : IndexRangeSet.of(IndexRange.of(w.partitionIndex())),
          AssetChangeKind.FRESHNESS_VIOLATED,
          null,
          w.at());
    }
  }

  /** The finish time of the unpartitioned asset's current materialization, checked as expected. */
  private static Long currentFinishedAt(WriteContext tx, RecordFreshnessViolation w)
      throws SQLException, ConflictException {
    PreparedStatement current =
        tx.prepare(
            "SELECT s.current_id, h.finished_at FROM asset_states s"
                + " LEFT JOIN asset_history h ON h.id = s.current_id"
                + " WHERE s.namespace = ? AND s.asset_key = ? AND s.partition_key = ?");
    current.setString(1, w.namespace());
    current.setString(2, w.assetKey());
    current.setString(3, w.partition());
    Long finishedAt = null;
    try (ResultSet rs = current.executeQuery()) {
      if (rs.next()) {
        finishedAt = FreshnessColumns.nullableLong(rs, 2);
      }
    }
    Long expected =
        w.expectedMaterializedAt() == null ? null : w.expectedMaterializedAt().toEpochMilli();
    if (!Objects.equals(finishedAt, expected)) {
      throw new ConflictException(
          w,
          "asset "
              + w.assetKey()
              + ": its current materialization finished at "
              + (finishedAt == null ? "none" : Instant.ofEpochMilli(finishedAt))
              + ", not "
              + (w.expectedMaterializedAt() == null ? "none" : w.expectedMaterializedAt())
              + " as when the violation was decided");
    }
    return finishedAt;
  }

  /** Null when the partition holds no data; a conflict naming it otherwise. */
  private static Long partitionHeld(WriteContext tx, RecordFreshnessViolation w)
      throws SQLException, ConflictException {
    StoredRange range = PartitionRangeSql.at(tx, w.namespace(), w.assetKey(), w.partitionIndex());
    if (range != null && range.content().dataVersion() != null) {
      throw new ConflictException(
          w,
          "partition "
              + w.partition()
              + " (index "
              + w.partitionIndex()
              + ") of asset "
              + w.assetKey()
              + " holds data version '"
              + range.content().dataVersion()
              + "': it is not late");
    }
    return null;
  }

  /**
   * Clears the asset partition's open violation, if any: the materialization {@code historyId} of
   * run {@code runId} finished at {@code at}. Called by the materialization's applier in its
   * transaction (which holds the namespace's catalog lock).
   */
  void clearByMaterialization(
      WriteContext tx,
      String namespace,
      String assetKey,
      String partition,
      long historyId,
      String runId,
      Instant at)
      throws SQLException {
    PreparedStatement clear = tx.prepare(CLEAR);
    clear.setLong(1, at.toEpochMilli());
    clear.setLong(2, historyId);
    if (runId == null) {
      clear.setNull(3, Types.VARCHAR);
    } else {
      clear.setString(3, runId);
    }
    clear.setString(4, FreshnessViolationRecord.MATERIALIZED);
    clear.setString(5, namespace);
    clear.setString(6, assetKey);
    clear.setString(7, partition);
    if (clear.executeUpdate() > 0) {
      changes.append(
          tx, namespace, assetKey, partition, AssetChangeKind.FRESHNESS_CLEARED, runId, at);
    }
  }

  /**
   * Clears the open violations of the partitions {@code partitions} of an asset: the partitioned
   * materialization {@code historyId} of run {@code runId} finished at {@code at}. Called by {@link
   * PartitionWrites} in its transaction (which holds the namespace's catalog lock); logs a {@link
   * AssetChangeKind#FRESHNESS_CLEARED} change with the partitions cleared.
   */
  void clearPartitions(
      WriteContext tx,
      String namespace,
      String assetKey,
      IndexRangeSet partitions,
      long historyId,
      String runId,
      Instant at)
      throws SQLException {
    PreparedStatement open =
        tx.prepare(
            "SELECT partition_index, partition_key FROM asset_freshness_violations"
                + " WHERE namespace = ? AND asset_key = ? AND cleared_at IS NULL"
                + " AND partition_index >= ? AND partition_index < ? ORDER BY partition_index");
    PreparedStatement clear =
        tx.prepare(
            "UPDATE asset_freshness_violations SET cleared_at = ?, cleared_by_id = ?,"
                + " cleared_by_run = ?, clear_reason = ? WHERE namespace = ? AND asset_key = ?"
                + " AND partition_index = ? AND cleared_at IS NULL");
    for (IndexRange range : partitions.ranges()) {
      open.setString(1, namespace);
      open.setString(2, assetKey);
      open.setLong(3, range.start());
      open.setLong(4, range.end());
      java.util.List<Long> indexes = new java.util.ArrayList<>();
      java.util.List<String> keys = new java.util.ArrayList<>();
      try (ResultSet rs = open.executeQuery()) {
        while (rs.next()) {
          indexes.add(rs.getLong(1));
          keys.add(rs.getString(2));
        }
      }
      for (int i = 0; i < indexes.size(); i++) {
        clear.setLong(1, at.toEpochMilli());
        clear.setLong(2, historyId);
        if (runId == null) {
          clear.setNull(3, Types.VARCHAR);
        } else {
          clear.setString(3, runId);
        }
        clear.setString(4, FreshnessViolationRecord.MATERIALIZED);
        clear.setString(5, namespace);
        clear.setString(6, assetKey);
        clear.setLong(7, indexes.get(i));
        clear.executeUpdate();
        changes.append(
            tx,
            namespace,
            assetKey,
            keys.get(i),
            IndexRangeSet.of(IndexRange.of(indexes.get(i))),
            AssetChangeKind.FRESHNESS_CLEARED,
            runId,
            at);
      }
    }
  }

  private static void clearPolicy(
      WriteContext tx, RegisterFreshnessPolicies w, String assetKey, String reason)
      throws SQLException {
    PreparedStatement clear =
        tx.prepare(
            "UPDATE asset_freshness_violations SET cleared_at = ?, clear_reason = ?"
                + " WHERE namespace = ? AND asset_key = ? AND cleared_at IS NULL");
    clear.setLong(1, w.at().toEpochMilli());
    clear.setString(2, reason);
    clear.setString(3, w.namespace());
    clear.setString(4, assetKey);
    clear.executeUpdate();
  }

  private static Map<String, FreshnessPolicyRecord> stored(
      WriteContext tx, String namespace, String location) throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "SELECT asset_key, kind, max_lag_ms, deadline_time, registered_at"
                + " FROM asset_freshness_policies WHERE namespace = ? AND location = ?");
    ps.setString(1, namespace);
    ps.setString(2, location);
    Map<String, FreshnessPolicyRecord> out = new HashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), FreshnessColumns.policy(rs.getString(1), rs, 2));
      }
    }
    return out;
  }

  private static Set<String> policiesOfRemovedAssets(WriteContext tx, String namespace)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "SELECT p.asset_key FROM asset_freshness_policies p WHERE p.namespace = ?"
                + " AND NOT EXISTS (SELECT 1 FROM asset_nodes n WHERE n.namespace = p.namespace"
                + " AND n.asset_key = p.asset_key)");
    ps.setString(1, namespace);
    Set<String> out = new HashSet<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void delete(WriteContext tx, String namespace, String assetKey)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare("DELETE FROM asset_freshness_policies WHERE namespace = ? AND asset_key = ?");
    ps.setString(1, namespace);
    ps.setString(2, assetKey);
    ps.executeUpdate();
  }

  private static void insert(WriteContext tx, RegisterFreshnessPolicies w, FreshnessPolicyRecord p)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO asset_freshness_policies (namespace, asset_key, location, kind,"
                + " max_lag_ms, deadline_time, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, w.namespace());
    ps.setString(2, p.assetKey());
    ps.setString(3, w.location());
    ps.setString(4, p.kind().name());
    if (p.kind() == FreshnessPolicyKind.MAX_LAG) {
      ps.setLong(5, p.maxLag().toMillis());
      ps.setNull(6, Types.VARCHAR);
    } else {
      ps.setNull(5, Types.BIGINT);
      ps.setString(6, p.deadline().toString());
    }
    ps.setLong(7, w.at().toEpochMilli());
    ps.executeUpdate();
  }
}
