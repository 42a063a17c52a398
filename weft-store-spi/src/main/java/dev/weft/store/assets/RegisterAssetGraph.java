package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a namespace's asset graph exactly {@code nodes}. Keys no longer listed leave the graph but
 * keep their history and states; listed keys are added or replaced. Every asset whose code version
 * changed and that was materialized becomes stale with {@link StaleReasonKind#CODE_VERSION_CHANGED}
 * (naming the version of its current materialization and the new one), propagated downstream as
 * {@link StaleReasonKind#UPSTREAM_STALE}; an asset whose upstream keys changed has its reasons
 * recomputed from its recorded provenance. Unconditional. Applied by the asset-catalog store
 * extension, in the transaction of its batch.
 *
 * <p>Example: {@code store.commit(Batch.of(new RegisterAssetGraph("default", nodes, now)))}.
 *
 * @param namespace the namespace whose graph this is
 * @param nodes every asset of the graph, keys unique, every upstream key one of them, no cycle
 * @param at when the graph is registered
 */
public record RegisterAssetGraph(String namespace, List<AssetNodeRecord> nodes, Instant at)
    implements Write {

  /**
   * Validates the graph and copies its nodes.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException naming the keys, if a key repeats, an upstream key is not in
   *     the graph, or the upstream keys form a cycle (printed {@code a -> b -> a})
   */
  public RegisterAssetGraph {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.nonNull("nodes", nodes);
    AssetFields.nonNull("at", at);
    nodes = List.copyOf(nodes);
    Map<String, AssetNodeRecord> byKey = new HashMap<>();
    for (AssetNodeRecord node : nodes) {
      if (byKey.put(node.assetKey(), node) != null) {
        throw new IllegalArgumentException(
            "asset " + node.assetKey() + " is defined twice in the graph of " + namespace);
      }
    }
    for (AssetNodeRecord node : nodes) {
      for (String up : node.upstream()) {
        if (!byKey.containsKey(up)) {
          throw new IllegalArgumentException(
              "asset "
                  + node.assetKey()
                  + " reads unknown upstream "
                  + up
                  + " (not in the graph of "
                  + namespace
                  + ")");
        }
      }
    }
    requireAcyclic(nodes, byKey);
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
        List<String> ups = byKey.get(key).upstream();
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
