package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.RecordCheckResult;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Applies {@link RecordCheckResult}: appends the result and points the check's latest result at it,
 * unless a result recorded later is there already (two nodes may record results of one check
 * concurrently; the later ID wins, whichever commits last).
 */
final class CheckResultWrites {
  private CheckResultWrites() {}

  static void apply(RecordCheckResult w, WriteContext tx) throws SQLException {
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO asset_check_results (namespace, asset_key, partition_key, check_name,"
                + " run_id, passed, severity, blocking, metadata_json, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    insert.setString(1, w.namespace());
    insert.setString(2, w.assetKey());
    insert.setString(3, w.partition());
    insert.setString(4, w.checkName());
    insert.setString(5, w.runId());
    insert.setBoolean(6, w.passed());
    insert.setString(7, w.severity().name());
    insert.setBoolean(8, w.blocking());
    insert.setString(9, w.metadataJson());
    insert.setLong(10, w.at().toEpochMilli());
    long id;
    try (ResultSet rs = insert.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    PreparedStatement latest =
        tx.prepare(
            "INSERT INTO asset_check_latest (namespace, asset_key, partition_key, check_name,"
                + " result_id) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (namespace, asset_key, partition_key, check_name)"
                + " DO UPDATE SET result_id = excluded.result_id"
                + " WHERE asset_check_latest.result_id < excluded.result_id");
    latest.setString(1, w.namespace());
    latest.setString(2, w.assetKey());
    latest.setString(3, w.partition());
    latest.setString(4, w.checkName());
    latest.setLong(5, id);
    latest.executeUpdate();
  }
}
