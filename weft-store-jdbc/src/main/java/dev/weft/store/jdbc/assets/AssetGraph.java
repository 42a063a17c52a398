package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetNodeRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace's registered graph as the appliers walk it: nodes by key, each node's downstream
 * keys, and a rank that increases along every edge, so that a propagation visits each asset after
 * all its upstream assets. Immutable; {@code version} is the stored version it was loaded at.
 */
final class AssetGraph {
  static final AssetGraph EMPTY = new AssetGraph(0, List.of());

  private final long version;
  private final Map<String, AssetNodeRecord> nodes = new LinkedHashMap<>();
  private final Map<String, List<String>> downstream = new HashMap<>();
  private final Map<String, Integer> rank = new HashMap<>();

  AssetGraph(long version, Collection<AssetNodeRecord> nodes) {
    this.version = version;
    for (AssetNodeRecord node : nodes) {
      this.nodes.put(node.assetKey(), node);
    }
    for (AssetNodeRecord node : nodes) {
      for (String up : node.upstream()) {
        downstream.computeIfAbsent(up, k -> new ArrayList<>()).add(node.assetKey());
      }
    }
    rankInDependencyOrder();
  }

  long version() {
    return version;
  }

  /** Returns the node, or null if the key is not in the graph. */
  AssetNodeRecord node(String key) {
    return nodes.get(key);
  }

  Collection<AssetNodeRecord> nodes() {
    return nodes.values();
  }

  List<String> downstream(String key) {
    return downstream.getOrDefault(key, List.of());
  }

  /** Returns the key's rank; -1 for a key not in the graph (it has no downstream). */
  int rank(String key) {
    return rank.getOrDefault(key, -1);
  }

  /** Kahn's algorithm; the graph was checked acyclic when it was registered. */
  private void rankInDependencyOrder() {
    Map<String, Integer> waiting = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    for (AssetNodeRecord node : nodes.values()) {
      waiting.put(node.assetKey(), node.upstream().size());
      if (node.upstream().isEmpty()) {
        ready.add(node.assetKey());
      }
    }
    int next = 0;
    while (!ready.isEmpty()) {
      String key = ready.poll();
      rank.put(key, next++);
      for (String down : downstream(key)) {
        if (waiting.merge(down, -1, Integer::sum) == 0) {
          ready.add(down);
        }
      }
    }
    if (rank.size() != nodes.size()) {
      throw new IllegalStateException("the stored asset graph has a cycle");
    }
  }
}
