package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies {@link RegisterAssetGraph} for one code location: refuses a key another location defines,
 * an upstream key no location defines and a cycle through the merged graph; writes the location's
 * nodes and edges that differ from the stored graph, deletes those of the location's removed assets
 * (their states and history stay), keeps the other locations' nodes, draws a new graph version, and
 * recomputes the staleness of every asset whose kind, code version or upstream keys changed (and
 * what that changes downstream) in every partition the namespace has states for.
 */
final class GraphRegistration {
  private final GraphCache graphs;
  private final AssetWaiters waiters;
  private final ChangeLog changes;

  GraphRegistration(GraphCache graphs, AssetWaiters waiters, ChangeLog changes) {
    this.graphs = graphs;
    this.waiters = waiters;
    this.changes = changes;
  }

  void apply(RegisterAssetGraph w, WriteContext tx) throws SQLException, ConflictException {
    String ns = w.namespace();
    long at = w.at().toEpochMilli();
    AssetGraph old = graphs.lock(tx, ns, w.at());
    List<AssetNodeRecord> merged = mergedGraph(w, old);
    Set<String> changed = new HashSet<>();
    Set<String> kept = new HashSet<>();
    for (AssetNodeRecord node : w.nodes()) {
      kept.add(node.assetKey());
      AssetNodeRecord before = old.node(node.assetKey());
      if (node.equals(before)) {
        continue;
      }
      boolean upstreamChanged = before == null || !before.upstream().equals(node.upstream());
      if (before == null
          || upstreamChanged
          || before.kind() != node.kind()
          || !Objects.equals(before.codeVersion(), node.codeVersion())) {
        changed.add(node.assetKey());
      }
      putNode(tx, ns, node, at);
      logChange(tx, ns, before, node, w.at());
      if (upstreamChanged) {
        putEdges(tx, ns, node);
      }
    }
    for (AssetNodeRecord node : old.nodes()) {
      if (node.location().equals(w.location()) && !kept.contains(node.assetKey())) {
        delete(tx, "DELETE FROM asset_nodes WHERE namespace = ? AND asset_key = ?", ns, node);
        delete(tx, "DELETE FROM asset_edges WHERE namespace = ? AND asset_key = ?", ns, node);
      }
    }
    long version = newVersion(old.version());
    PreparedStatement graphRow =
        tx.prepare("UPDATE asset_graphs SET version = ?, registered_at = ? WHERE namespace = ?");
    graphRow.setLong(1, version);
    graphRow.setLong(2, at);
    graphRow.setString(3, ns);
    graphRow.executeUpdate();
    AssetGraph graph = new AssetGraph(version, merged);
    graphs.put(ns, graph);
    if (!changed.isEmpty()) {
      for (String partition : partitions(tx, ns)) {
        StateRows rows = new StateRows(tx, ns, partition);
        new Staleness(graph, rows).propagate(changed, Set.of(), at);
        rows.save();
      }
      waiters.wakeSatisfied(tx, ns, w.at());
    }
  }

  /**
   * The graph the registration leaves: the other locations' nodes and the registered ones.
   *
   * @throws ConflictException naming both locations if a registered key belongs to another
   *     location, or naming the asset if an upstream key is defined by no location (also when the
   *     registration removes an asset another location reads) or the merged graph has a cycle
   */
  private static List<AssetNodeRecord> mergedGraph(RegisterAssetGraph w, AssetGraph old)
      throws ConflictException {
    List<AssetNodeRecord> merged = new ArrayList<>();
    for (AssetNodeRecord node : w.nodes()) {
      AssetNodeRecord before = old.node(node.assetKey());
      if (before != null && !before.location().equals(w.location())) {
        throw new ConflictException(
            w,
            "asset "
                + node.assetKey()
                + " is defined by two locations of namespace "
                + w.namespace()
                + ": "
                + before.location()
                + " (registered) and "
                + w.location()
                + " (registering)");
      }
      merged.add(node);
    }
    for (AssetNodeRecord node : old.nodes()) {
      if (!node.location().equals(w.location())) {
        merged.add(node);
      }
    }
    try {
      RegisterAssetGraph.requireComplete(w.namespace(), merged);
    } catch (IllegalArgumentException e) {
      throw new ConflictException(
          w, "location " + w.location() + " cannot register its graph: " + e.getMessage());
    }
    return merged;
  }

  /**
   * Appends to automation's change log that a registration added an asset or changed its code
   * version.
   */
  private void logChange(
      WriteContext tx, String ns, AssetNodeRecord before, AssetNodeRecord node, Instant at)
      throws SQLException {
    if (before == null) {
      changes.append(tx, ns, node.assetKey(), "", AssetChangeKind.ADDED, null, at);
    } else if (!Objects.equals(before.codeVersion(), node.codeVersion())) {
      changes.append(tx, ns, node.assetKey(), "", AssetChangeKind.CODE_VERSION_CHANGED, null, at);
    }
  }

  /** A random version other than 0 (no graph) and the one replaced. */
  private static long newVersion(long old) {
    long version;
    do {
      version = ThreadLocalRandom.current().nextLong();
    } while (version == 0 || version == old);
    return version;
  }

  private static void putNode(WriteContext tx, String ns, AssetNodeRecord node, long at)
      throws SQLException {
    PreparedStatement put =
        tx.prepare(
            "INSERT INTO asset_nodes (namespace, asset_key, kind, code_version, group_name,"
                + " definition_json, registered_at, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (namespace, asset_key) DO UPDATE SET kind = excluded.kind,"
                + " code_version = excluded.code_version, group_name = excluded.group_name,"
                + " definition_json = excluded.definition_json,"
                + " registered_at = excluded.registered_at, location = excluded.location");
    put.setString(1, ns);
    put.setString(2, node.assetKey());
    put.setString(3, node.kind().name());
    put.setString(4, node.codeVersion());
    put.setString(5, node.group());
    put.setString(6, node.definitionJson());
    put.setLong(7, at);
    put.setString(8, node.location());
    put.executeUpdate();
  }

  private static void putEdges(WriteContext tx, String ns, AssetNodeRecord node)
      throws SQLException {
    delete(tx, "DELETE FROM asset_edges WHERE namespace = ? AND asset_key = ?", ns, node);
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO asset_edges (namespace, asset_key, upstream_key, position)"
                + " VALUES (?, ?, ?, ?)");
    List<String> upstream = node.upstream();
    for (int i = 0; i < upstream.size(); i++) {
      insert.setString(1, ns);
      insert.setString(2, node.assetKey());
      insert.setString(3, upstream.get(i));
      insert.setInt(4, i);
      insert.executeUpdate();
    }
  }

  private static void delete(WriteContext tx, String sql, String ns, AssetNodeRecord node)
      throws SQLException {
    PreparedStatement delete = tx.prepare(sql);
    delete.setString(1, ns);
    delete.setString(2, node.assetKey());
    delete.executeUpdate();
  }

  private static List<String> partitions(WriteContext tx, String ns) throws SQLException {
    PreparedStatement select =
        tx.prepare("SELECT DISTINCT partition_key FROM asset_states WHERE namespace = ?");
    select.setString(1, ns);
    List<String> partitions = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        partitions.add(rs.getString(1));
      }
    }
    return partitions;
  }
}
