package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a code location's assets in a namespace's graph exactly {@code nodes}, like a Dagster code
 * location: several apps (locations) share a namespace's graph, and each registration replaces only
 * its own location's assets. Keys of the location no longer listed leave the graph but keep their
 * history and states; listed keys are added or replaced. Every asset whose code version changed and
 * that was materialized becomes stale with {@link StaleReasonKind#CODE_VERSION_CHANGED} (naming the
 * version of its current materialization and the new one), propagated downstream as {@link
 * StaleReasonKind#UPSTREAM_STALE}, also into other locations; an asset whose upstream keys changed
 * has its reasons recomputed from its recorded provenance. Applied by the asset-catalog store
 * extension, in the transaction of its batch.
 *
 * <p>Upstream keys may name assets of other locations. The store refuses the registration (a {@link
 * dev.weft.store.CommitResult.Conflict} naming the keys and locations) when a key is already
 * defined by another location, when an upstream key is defined by no location, when the merged
 * graph has a cycle, or when it removes an asset that another location's asset reads.
 *
 * <p>Example: {@code store.commit(Batch.of(new RegisterAssetGraph("default", "chain-app", nodes,
 * now)))}.
 *
 * @param namespace the namespace whose graph this is
 * @param location the code location (the app's name) whose assets these are; each node's location
 *     is set to it
 * @param nodes every asset of the location, keys unique, no cycle among them
 * @param at when the graph is registered
 */
public record RegisterAssetGraph(
    String namespace, String location, List<AssetNodeRecord> nodes, Instant at) implements Write {

  /**
   * Validates the graph and copies its nodes, setting their location.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException naming the keys, if a key repeats or the nodes' upstream keys
   *     form a cycle (printed {@code a -> b -> a}); blank namespace or location
   */
  public RegisterAssetGraph {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.notBlank("location", location);
    AssetFields.nonNull("nodes", nodes);
    AssetFields.nonNull("at", at);
    List<AssetNodeRecord> located = new ArrayList<>();
    Map<String, AssetNodeRecord> byKey = new HashMap<>();
    for (AssetNodeRecord node : nodes) {
      AssetNodeRecord here = node.inLocation(location);
      located.add(here);
      if (byKey.put(node.assetKey(), here) != null) {
        throw new IllegalArgumentException(
            "asset " + node.assetKey() + " is defined twice in the graph of " + namespace);
      }
    }
    nodes = List.copyOf(located);
    requireAcyclic(nodes, byKey);
  }

  /** A registration of the {@link AssetNodeRecord#DEFAULT_LOCATION}. */
  public RegisterAssetGraph(String namespace, List<AssetNodeRecord> nodes, Instant at) {
    this(namespace, AssetNodeRecord.DEFAULT_LOCATION, nodes, at);
  }

  /**
   * Checks a whole graph (every location's nodes): each upstream key is one of its nodes, and there
   * is no cycle. Stores call it on the graph a registration would leave.
   *
   * @throws IllegalArgumentException naming the asset, its location and the unknown upstream key,
   *     or printing the cycle
   */
  public static void requireComplete(String namespace, Collection<AssetNodeRecord> graph) {
    Map<String, AssetNodeRecord> byKey = new HashMap<>();
    graph.forEach(n -> byKey.put(n.assetKey(), n));
    for (AssetNodeRecord node : graph) {
      for (String up : node.upstream()) {
        if (!byKey.containsKey(up)) {
          throw new IllegalArgumentException(
              "asset "
                  + node.assetKey()
                  + " (location "
                  + node.location()
                  + ") reads unknown upstream "
                  + up
                  + " (defined by no location of the graph of "
                  + namespace
                  + ")");
        }
      }
    }
    requireAcyclic(List.copyOf(graph), byKey);
  }

  /** Null: a graph belongs to no run. */
  @Override
  public String runId() {
    return null;
  }

  private static void requireAcyclic(
      List<AssetNodeRecord> nodes, Map<String, AssetNodeRecord> byKey) {
    // iterative depth-first search: 0 unvisited, 1 on the path, 2 done
    Map<String, Integer> state = new HashMap<>();
    for (AssetNodeRecord start : nodes) {
      if (state.getOrDefault(start.assetKey(), 0) != 0) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<Integer> next = new ArrayDeque<>();
      path.push(start.assetKey());
      next.push(0);
      state.put(start.assetKey(), 1);
      while (!path.isEmpty()) {
        String key = path.peek();
        int i = next.pop();
        AssetNodeRecord node = byKey.get(key);
        List<String> ups = node == null ? List.of() : node.upstream(); // another location's
        if (i == ups.size()) {
          state.put(key, 2);
          path.pop();
          continue;
        }
        next.push(i + 1);
        String up = ups.get(i);
        int s = state.getOrDefault(up, 0);
        if (s == 1) {
          throw new IllegalArgumentException("the asset graph has a cycle: " + cycle(path, up));
        }
        if (s == 0) {
          state.put(up, 1);
          path.push(up);
          next.push(0);
        }
      }
    }
  }

  /** Prints the cycle from {@code up} along the path back to {@code up}, downstream first. */
  private static String cycle(Deque<String> path, String up) {
    List<String> keys = new ArrayList<>();
    for (String key : path) { // top (deepest) first
      keys.add(key);
      if (key.equals(up)) {
        break;
      }
    }
    List<String> printed = new ArrayList<>();
    for (int i = keys.size() - 1; i >= 0; i--) {
      printed.add(keys.get(i));
    }
    printed.add(up);
    return String.join(" -> ", printed) + " (each reads the next)";
  }
}
