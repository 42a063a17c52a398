package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetStatus;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The state rows of one namespace's partition that a write reads and changes, each read once from
 * the transaction and written back by {@link #save} only if it changed.
 */
final class StateRows {
  private static final String SELECT =
      "SELECT s.status, s.reasons, s.current_id, s.data_version, s.last_failure_message,"
          + " s.last_failure_at, s.last_observed_version, s.updated_at, h.code_version,"
          + " h.input_versions"
          + " FROM asset_states s LEFT JOIN asset_history h ON h.id = s.current_id"
          + " WHERE s.namespace = ? AND s.asset_key = ? AND s.partition_key = ?";

  private static final String UPSERT =
      "INSERT INTO asset_states (namespace, asset_key, partition_key, status, reasons, current_id,"
          + " data_version, last_failure_message, last_failure_at, last_observed_version,"
          + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (namespace, asset_key, partition_key) DO UPDATE SET"
          + " status = excluded.status, reasons = excluded.reasons,"
          + " current_id = excluded.current_id, data_version = excluded.data_version,"
          + " last_failure_message = excluded.last_failure_message,"
          + " last_failure_at = excluded.last_failure_at,"
          + " last_observed_version = excluded.last_observed_version,"
          + " updated_at = excluded.updated_at";

  private final WriteContext tx;
  private final String namespace;
  private final String partition;
  private final Map<String, StateRow> rows = new HashMap<>();

  StateRows(WriteContext tx, String namespace, String partition) {
    this.tx = tx;
    this.namespace = namespace;
    this.partition = partition;
  }

  String partition() {
    return partition;
  }

  /** Returns the asset's row, read from the transaction the first time; a missing one if none. */
  StateRow get(String key) throws SQLException {
    StateRow row = rows.get(key);
    if (row == null) {
      row = read(key);
      rows.put(key, row);
    }
    return row;
  }

  private StateRow read(String key) throws SQLException {
    StateRow row = new StateRow(key);
    PreparedStatement select = tx.prepare(SELECT);
    select.setString(1, namespace);
    select.setString(2, key);
    select.setString(3, partition);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return row;
      }
      row.stored = true;
      row.status = AssetStatus.valueOf(rs.getString(1));
      row.reasons = CatalogColumns.reasons(rs.getString(2));
      long current = rs.getLong(3);
      row.currentId = rs.wasNull() ? null : current;
      row.dataVersion = rs.getString(4);
      row.lastFailureMessage = rs.getString(5);
      long failedAt = rs.getLong(6);
      row.lastFailureAt = rs.wasNull() ? null : failedAt;
      row.observedVersion = rs.getString(7);
      row.updatedAt = rs.getLong(8);
      row.currentCodeVersion = rs.getString(9);
      row.consumed = CatalogColumns.inputs(rs.getString(10));
    }
    return row;
  }

  /** Writes every row that changed. */
  void save() throws SQLException {
    for (StateRow row : rows.values()) {
      if (row.dirty) {
        write(row);
        row.dirty = false;
        row.stored = true;
      }
    }
  }

  private void write(StateRow row) throws SQLException {
    PreparedStatement upsert = tx.prepare(UPSERT);
    upsert.setString(1, namespace);
    upsert.setString(2, row.key);
    upsert.setString(3, partition);
    upsert.setString(4, row.status.name());
    upsert.setString(5, CatalogColumns.reasons(row.reasons));
    setLong(upsert, 6, row.currentId);
    upsert.setString(7, row.dataVersion);
    upsert.setString(8, row.lastFailureMessage);
    setLong(upsert, 9, row.lastFailureAt);
    upsert.setString(10, row.observedVersion);
    upsert.setLong(11, row.updatedAt);
    upsert.executeUpdate();
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
