package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graphs of one store's namespaces as its writer last loaded them, so that a catalog write does
 * not read the whole graph each time. Several nodes may write the same store (PostgreSQL), so an
 * entry is used only when its version is the one stored, read in the write's transaction with the
 * namespace's graph row locked ({@link #lock}): that lock also serializes the catalog writes of a
 * namespace, so two nodes never propagate over each other's half-written states. A version is a
 * random number drawn at each registration, not a counter: a registration rolled back after the
 * cache saw it can never match a version another node commits. Used on the writer's thread only.
 */
final class GraphCache {
  private final String rowLockClause;
  private final Map<String, AssetGraph> graphs = new HashMap<>();

  GraphCache(String rowLockClause) {
    this.rowLockClause = rowLockClause;
  }

  /**
   * Locks the namespace's graph row until the transaction ends (creating it, without a graph, if
   * the namespace has none) and returns the namespace's graph.
   */
  AssetGraph lock(WriteContext tx, String namespace, Instant at) throws SQLException {
    Long version = lockedVersion(tx, namespace);
    if (version == null) {
      PreparedStatement create =
          tx.prepare(
              "INSERT INTO asset_graphs (namespace, version, registered_at) VALUES (?, 0, ?)"
                  + " ON CONFLICT (namespace) DO NOTHING");
      create.setString(1, namespace);
      create.setLong(2, at.toEpochMilli());
      create.executeUpdate();
      version = lockedVersion(tx, namespace);
    }
    AssetGraph cached = graphs.get(namespace);
    if (cached != null && cached.version() == version) {
      return cached;
    }
    AssetGraph loaded = version == 0 ? AssetGraph.EMPTY : load(tx, namespace, version);
    graphs.put(namespace, loaded);
    return loaded;
  }

  /** Remembers the graph a registration just stored (its transaction holds the lock). */
  void put(String namespace, AssetGraph graph) {
    graphs.put(namespace, graph);
  }

  private Long lockedVersion(WriteContext tx, String namespace) throws SQLException {
    PreparedStatement select =
        tx.prepare("SELECT version FROM asset_graphs WHERE namespace = ?" + rowLockClause);
    select.setString(1, namespace);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private static AssetGraph load(WriteContext tx, String namespace, long version)
      throws SQLException {
    PreparedStatement select = tx.prepare(AssetCatalogSql.GRAPH);
    select.setString(1, namespace);
    try (ResultSet rs = select.executeQuery()) {
      return new AssetGraph(version, nodes(rs));
    }
  }

  /** Reads the rows of {@link AssetCatalogSql#GRAPH}. */
  static List<AssetNodeRecord> nodes(ResultSet rs) throws SQLException {
    List<AssetNodeRecord> nodes = new ArrayList<>();
    String key = null;
    String[] fields = null;
    List<String> upstream = new ArrayList<>();
    while (rs.next()) {
      String rowKey = rs.getString(1);
      if (!rowKey.equals(key)) {
        if (key != null) {
          nodes.add(node(key, fields, upstream));
        }
        key = rowKey;
        fields =
            new String[] {
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(7)
            };
        upstream = new ArrayList<>();
      }
      String up = rs.getString(6);
      if (up != null) {
        upstream.add(up);
      }
    }
    if (key != null) {
      nodes.add(node(key, fields, upstream));
    }
    return nodes;
  }

  private static AssetNodeRecord node(String key, String[] fields, List<String> upstream) {
    return new AssetNodeRecord(
        key, AssetKind.valueOf(fields[0]), fields[1], upstream, fields[2], fields[3], fields[4]);
  }
}
