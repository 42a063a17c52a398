package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReason;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the statuses and stale reasons of a partition's state rows up to date after a write changed
 * some of them, from recorded provenance only: an asset is stale when its code version differs from
 * the one its current materialization ran, when an upstream's current data version differs from the
 * one it consumed, or when an upstream is itself stale (naming that upstream's root causes). Assets
 * are recomputed in dependency order, each at most once, and a change goes further downstream only
 * while reasons or data versions change.
 */
final class Staleness {
  private final AssetGraph graph;
  private final StateRows rows;

  Staleness(AssetGraph graph, StateRows rows) {
    this.graph = graph;
    this.rows = rows;
  }

  /**
   * Recomputes the assets of {@code start}, then the downstream of every asset whose reasons
   * changed or that is in {@code dataChanged}, transitively; rows whose status or reasons change
   * are marked dirty with time {@code at}.
   */
  void propagate(Collection<String> start, Set<String> dataChanged, long at) throws SQLException {
    PriorityQueue<String> queue =
        new PriorityQueue<>(
            Comparator.comparingInt(graph::rank).thenComparing(Comparator.naturalOrder()));
    Set<String> queued = new HashSet<>(start);
    queue.addAll(start);
    while (!queue.isEmpty()) {
      String key = queue.poll();
      StateRow row = rows.get(key);
      List<StaleReason> reasons = reasons(row, graph.node(key));
      boolean reasonsChanged = !reasons.equals(row.reasons);
      row.update(status(row, reasons), reasons, at);
      if (reasonsChanged || dataChanged.contains(key)) {
        for (String down : graph.downstream(key)) {
          if (queued.add(down)) {
            queue.add(down);
          }
        }
      }
    }
  }

  private static AssetStatus status(StateRow row, List<StaleReason> reasons) {
    if (row.failed()) {
      return AssetStatus.FAILED;
    }
    if (!row.hasData()) {
      return AssetStatus.MISSING;
    }
    return reasons.isEmpty() ? AssetStatus.FRESH : AssetStatus.STALE;
  }

  private List<StaleReason> reasons(StateRow row, AssetNodeRecord node) throws SQLException {
    if (node == null || node.kind() == AssetKind.OBSERVABLE_SOURCE || row.currentId == null) {
      return List.of();
    }
    List<StaleReason> reasons = new ArrayList<>();
    if (!Objects.equals(node.codeVersion(), row.currentCodeVersion)) {
      reasons.add(
          StaleReason.codeVersionChanged(
              row.key, orNone(row.currentCodeVersion), orNone(node.codeVersion())));
    }
    for (String up : node.upstream()) {
      StateRow upstream = rows.get(up);
      String consumed = row.consumed.get(up);
      if (upstream.dataVersion != null && !upstream.dataVersion.equals(consumed)) {
        reasons.add(StaleReason.upstreamNewerData(up, orNone(consumed), upstream.dataVersion));
      }
      Set<String> roots = new TreeSet<>();
      for (StaleReason r : upstream.reasons) {
        roots.add(r.rootCauseKey());
      }
      for (String root : roots) {
        reasons.add(StaleReason.upstreamStale(up, root));
      }
    }
    return List.copyOf(reasons);
  }

  private static String orNone(String version) {
    return version == null ? "none" : version;
  }
}
