package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the whole-asset row of a partitioned asset ({@code asset_states}, partition {@code ""}:
 * what the asset list, the graph and {@code AssetCatalog.state(ns, key, "")} show) in step with its
 * partitions, in the transaction of each partition write. Its status is the worst of the stored
 * partitions: FAILED when one is failed, else STALE when one is stale, else FRESH when one is
 * materialized, else what it was (MISSING for none). An asset without stored partitions (an
 * unpartitioned downstream a cascade named) keeps its row as it is. Partitions never recorded do
 * not lower it: the store does not know a definition's range (the partition counts, computed by
 * {@code AssetPartitions} against the definition, give the missing ones). Its current
 * materialization and data version are the latest partition materialization's (or observation's),
 * its last failure the latest partition failure's; its stale reasons stay empty (each partition
 * keeps its own). A claimed partition counts as what its claim keeps underneath: a run in progress
 * changes the row only when it lands, as for an unpartitioned asset (retrying the one failed
 * partition does not make the asset FRESH while it runs).
 */
final class PartitionSummary {
  private static final String FIRST_STALE =
      "SELECT reasons FROM asset_partition_ranges WHERE namespace = ? AND asset_key = ?"
          + " AND (status = 'STALE' OR (status = 'IN_PROGRESS' AND previous_status = 'STALE'))"
          + " ORDER BY start_idx LIMIT 1";

  /** The claimed partitions of an asset by the status their claim keeps underneath. */
  private static final String CLAIMED_BY_PREVIOUS =
      "SELECT previous_status, SUM(end_idx - start_idx) FROM asset_partition_ranges"
          + " WHERE namespace = ? AND asset_key = ? AND status = 'IN_PROGRESS'"
          + " AND previous_status IS NOT NULL GROUP BY previous_status";

  private PartitionSummary() {}

  /** What the write recorded besides statuses; {@link #NONE} for a status change only. */
  record Latest(Long materializationId, String dataVersion, String codeVersion, String failure) {
    static final Latest NONE = new Latest(null, null, null, null);

    static Latest materialized(long id, String dataVersion, String codeVersion) {
      return new Latest(id, dataVersion, codeVersion, null);
    }

    static Latest observed(String dataVersion) {
      return new Latest(null, dataVersion, null, null);
    }

    static Latest failed(String failure) {
      return new Latest(null, null, null, failure);
    }
  }

  /** Recomputes the whole-asset row of {@code asset} from its partition counts. */
  static void refresh(WriteContext tx, String namespace, String asset, Latest latest, long at)
      throws SQLException {
    Map<PartitionStatus, Long> counts = counts(tx, namespace, asset);
    if (counts.values().stream().allMatch(c -> c == 0) && latest.equals(Latest.NONE)) {
      return; // no partition stored (an unpartitioned asset a cascade named): its row is its own
    }
    StateRows rows = new StateRows(tx, namespace, "");
    StateRow row = rows.get(asset);
    if (latest.materializationId() != null) {
      row.currentId = latest.materializationId();
      row.currentCodeVersion = latest.codeVersion();
      row.dataVersion = latest.dataVersion();
      row.touch(at);
    } else if (latest.dataVersion() != null) {
      row.observedVersion = latest.dataVersion();
      row.dataVersion = latest.dataVersion();
      row.touch(at);
    }
    if (latest.failure() != null) {
      row.lastFailureMessage = latest.failure();
      row.lastFailureAt = at;
      row.touch(at);
    }
    AssetStatus status = status(counts, row.stored ? row.status : AssetStatus.MISSING);
    List<StaleReason> reasons =
        status == AssetStatus.STALE ? firstStaleReasons(tx, namespace, asset) : List.of();
    row.update(status, reasons, at);
    rows.save();
  }

  /** The reasons of the asset's first stale partition range: the whole row's example reasons. */
  private static List<StaleReason> firstStaleReasons(
      WriteContext tx, String namespace, String asset) throws SQLException {
    PreparedStatement ps = tx.prepare(FIRST_STALE);
    ps.setString(1, namespace);
    ps.setString(2, asset);
    try (ResultSet rs = ps.executeQuery()) {
      List<StaleReason> reasons = rs.next() ? CatalogColumns.reasons(rs.getString(1)) : List.of();
      return reasons.isEmpty() ? List.of(StaleReason.upstreamStale(asset, asset)) : reasons;
    }
  }

  private static AssetStatus status(Map<PartitionStatus, Long> counts, AssetStatus otherwise) {
    if (counts.getOrDefault(PartitionStatus.FAILED, 0L) > 0) {
      return AssetStatus.FAILED;
    }
    if (counts.getOrDefault(PartitionStatus.STALE, 0L) > 0) {
      return AssetStatus.STALE;
    }
    if (counts.getOrDefault(PartitionStatus.MATERIALIZED, 0L) > 0) {
      return AssetStatus.FRESH;
    }
    return otherwise;
  }

  private static Map<PartitionStatus, Long> counts(WriteContext tx, String namespace, String asset)
      throws SQLException {
    PreparedStatement ps = tx.prepare(PartitionRangeSql.COUNTS);
    ps.setString(1, namespace);
    ps.setString(2, asset);
    Map<PartitionStatus, Long> counts = new EnumMap<>(PartitionStatus.class);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(PartitionStatus.valueOf(rs.getString(1)), rs.getLong(2));
      }
    }
    if (counts.getOrDefault(PartitionStatus.IN_PROGRESS, 0L) > 0) {
      PreparedStatement claimed = tx.prepare(CLAIMED_BY_PREVIOUS);
      claimed.setString(1, namespace);
      claimed.setString(2, asset);
      try (ResultSet rs = claimed.executeQuery()) {
        while (rs.next()) {
          counts.merge(PartitionStatus.valueOf(rs.getString(1)), rs.getLong(2), Long::sum);
        }
      }
    }
    return counts;
  }
}
