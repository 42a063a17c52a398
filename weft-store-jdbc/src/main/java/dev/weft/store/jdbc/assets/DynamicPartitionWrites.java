package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.AddDynamicPartitions;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.RemoveDynamicPartitions;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link AddDynamicPartitions} and {@link RemoveDynamicPartitions} under the namespace's
 * catalog lock. A definition's next index lives in {@code asset_dynamic_definitions}, so an index
 * is never handed out twice, also after its key was removed.
 */
final class DynamicPartitionWrites {
  private final GraphCache graphs;

  DynamicPartitionWrites(GraphCache graphs) {
    this.graphs = graphs;
  }

  void add(AddDynamicPartitions w, WriteContext tx) throws SQLException {
    graphs.lock(tx, w.namespace(), w.at());
    PreparedStatement next =
        tx.prepare(
            "SELECT next_index FROM asset_dynamic_definitions"
                + " WHERE namespace = ? AND definition_name = ?");
    next.setString(1, w.namespace());
    next.setString(2, w.definitionName());
    long index = 0;
    boolean known;
    try (ResultSet rs = next.executeQuery()) {
      known = rs.next();
      if (known) {
        index = rs.getLong(1);
      }
    }
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO asset_dynamic_partitions (namespace, definition_name, partition_key, idx,"
                + " added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (namespace, definition_name,"
                + " partition_key) DO NOTHING");
    for (String key : w.keys()) {
      insert.setString(1, w.namespace());
      insert.setString(2, w.definitionName());
      insert.setString(3, key);
      insert.setLong(4, index);
      insert.setLong(5, w.at().toEpochMilli());
      if (insert.executeUpdate() == 1) {
        index++;
      }
    }
    PreparedStatement save =
        tx.prepare(
            known
                ? "UPDATE asset_dynamic_definitions SET next_index = ? WHERE namespace = ?"
                    + " AND definition_name = ?"
                : "INSERT INTO asset_dynamic_definitions (next_index, namespace, definition_name)"
                    + " VALUES (?, ?, ?)");
    save.setLong(1, index);
    save.setString(2, w.namespace());
    save.setString(3, w.definitionName());
    save.executeUpdate();
  }

  void remove(RemoveDynamicPartitions w, WriteContext tx) throws SQLException, ConflictException {
    graphs.lock(tx, w.namespace(), w.at());
    PreparedStatement find =
        tx.prepare(
            "SELECT idx FROM asset_dynamic_partitions"
                + " WHERE namespace = ? AND definition_name = ? AND partition_key = ?");
    List<IndexRange> indexes = new ArrayList<>();
    for (String key : w.keys()) {
      find.setString(1, w.namespace());
      find.setString(2, w.definitionName());
      find.setString(3, key);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new ConflictException(
              w,
              "dynamic partition '"
                  + key
                  + "' is not a key of definition "
                  + w.definitionName()
                  + " in namespace "
                  + w.namespace()
                  + ": nothing removed");
        }
        long index = rs.getLong(1);
        for (String asset : w.assetKeys()) {
          DeadClaims.release(
              tx,
              w.namespace(),
              asset,
              IndexRangeSet.of(IndexRange.of(index)),
              w.at().toEpochMilli());
          StoredRange range = PartitionRangeSql.at(tx, w.namespace(), asset, index);
          if (range != null && range.content().status() == PartitionStatus.IN_PROGRESS) {
            throw new ConflictException(
                w,
                "dynamic partition '"
                    + key
                    + "' (index "
                    + index
                    + ") of definition "
                    + w.definitionName()
                    + " is in progress in run "
                    + range.content().claimRunId()
                    + " of asset "
                    + asset
                    + ": nothing removed; remove it once the run ended");
          }
        }
        indexes.add(IndexRange.of(index));
      }
    }
    PreparedStatement delete =
        tx.prepare(
            "DELETE FROM asset_dynamic_partitions"
                + " WHERE namespace = ? AND definition_name = ? AND partition_key = ?");
    for (String key : w.keys()) {
      delete.setString(1, w.namespace());
      delete.setString(2, w.definitionName());
      delete.setString(3, key);
      delete.executeUpdate();
    }
    IndexRangeSet removed = IndexRangeSet.of(indexes);
    long at = w.at().toEpochMilli();
    for (String asset : w.assetKeys()) {
      PartitionWrites.paint(tx, w.namespace(), asset, removed, current -> null, at);
      PartitionSummary.refresh(tx, w.namespace(), asset, PartitionSummary.Latest.NONE, at);
    }
  }
}
