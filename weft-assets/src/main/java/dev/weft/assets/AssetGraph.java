package dev.weft.assets;

import dev.weft.assets.internal.GraphValidator;
import dev.weft.assets.internal.PartitionEdges;
import dev.weft.assets.partitions.PartitionMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A validated graph of asset definitions: every key produced once, every upstream known, no cycle,
 * every input's type able to hold its upstream's value. Immutable and thread-safe.
 *
 * <pre>{@code
 * AssetGraph graph = AssetGraph.of(rawBlocks, decodedBlocks, enrichedBlocks);
 * graph.layers();                                   // [[chain/raw_blocks], [chain/decoded_blocks], ...]
 * graph.upstreamClosure(Set.of(AssetKey.of("chain/enriched_blocks")));
 * }</pre>
 */
public final class AssetGraph {
  private final List<AssetsDefinition> definitions;
  private final Map<AssetKey, AssetNode> nodes;
  private final Map<AssetKey, Set<AssetKey>> downstream;
  private final List<List<AssetKey>> layers;
  private final Map<AssetKey, Map<AssetKey, PartitionMapping>> mappings;

  private AssetGraph(
      List<AssetsDefinition> definitions,
      Map<AssetKey, AssetNode> nodes,
      Map<AssetKey, Set<AssetKey>> downstream,
      List<List<AssetKey>> layers) {
    this.definitions = definitions;
    this.nodes = nodes;
    this.downstream = downstream;
    this.layers = layers;
    this.mappings = PartitionEdges.resolve(nodes, new ArrayList<>());
  }

  /**
   * Builds and validates the graph.
   *
   * @throws InvalidAssetGraphException naming the keys of every duplicate key, unknown upstream,
   *     type mismatch, partition mapping that cannot map (naming both assets, both definitions and
   *     the mapping) and cycle found
   */
  public static AssetGraph of(Collection<? extends AssetsDefinition> definitions) {
    List<AssetsDefinition> defs = List.copyOf(definitions);
    Map<AssetKey, AssetNode> nodes = GraphValidator.validate(defs);
    Map<AssetKey, Set<AssetKey>> downstream = new LinkedHashMap<>();
    nodes.keySet().forEach(k -> downstream.put(k, new TreeSet<>()));
    for (AssetNode node : nodes.values()) {
      node.upstream().forEach(u -> downstream.get(u).add(node.key()));
    }
    downstream.replaceAll((k, v) -> Collections.unmodifiableSet(new LinkedHashSet<>(v)));
    List<List<AssetKey>> layers = layersOf(nodes, downstream);
    Map<AssetKey, AssetNode> ordered = new LinkedHashMap<>();
    layers.forEach(layer -> layer.forEach(k -> ordered.put(k, nodes.get(k))));
    return new AssetGraph(
        defs,
        Collections.unmodifiableMap(ordered),
        Collections.unmodifiableMap(downstream),
        layers);
  }

  /** Builds and validates the graph (see {@link #of(Collection)}). */
  public static AssetGraph of(AssetsDefinition... definitions) {
    return of(List.of(definitions));
  }

  private static List<List<AssetKey>> layersOf(
      Map<AssetKey, AssetNode> nodes, Map<AssetKey, Set<AssetKey>> downstream) {
    Map<AssetKey, Integer> waiting = new LinkedHashMap<>();
    nodes.values().forEach(n -> waiting.put(n.key(), n.upstream().size()));
    List<List<AssetKey>> layers = new ArrayList<>();
    TreeSet<AssetKey> ready = new TreeSet<>();
    waiting.forEach(
        (k, n) -> {
          if (n == 0) {
            ready.add(k);
          }
        });
    while (!ready.isEmpty()) {
      List<AssetKey> layer = List.copyOf(ready);
      layers.add(layer);
      ready.clear();
      for (AssetKey k : layer) {
        for (AssetKey d : downstream.get(k)) {
          if (waiting.merge(d, -1, Integer::sum) == 0) {
            ready.add(d);
          }
        }
      }
    }
    return Collections.unmodifiableList(layers);
  }

  /** Returns the definitions, as given. */
  public List<AssetsDefinition> definitions() {
    return definitions;
  }

  /** Returns every asset, in topological order (layer by layer, keys sorted in a layer). */
  public Collection<AssetNode> nodes() {
    return nodes.values();
  }

  /** Returns every key, in topological order. */
  public Set<AssetKey> keys() {
    return nodes.keySet();
  }

  /** Returns whether the graph has this asset. */
  public boolean contains(AssetKey key) {
    return nodes.containsKey(key);
  }

  /** Returns the asset, if the graph has it. */
  public Optional<AssetNode> find(AssetKey key) {
    return Optional.ofNullable(nodes.get(key));
  }

  /**
   * Returns the asset.
   *
   * @throws UnknownAssetException naming the key (and a close key, if any) when the graph lacks it
   */
  public AssetNode node(AssetKey key) {
    AssetNode node = nodes.get(key);
    if (node == null) {
      throw UnknownAssetException.of(List.of(key), nodes.keySet());
    }
    return node;
  }

  /** Returns the assets this asset reads or depends on directly. */
  public Set<AssetKey> upstream(AssetKey key) {
    return node(key).upstream();
  }

  /**
   * Returns the partition mapping of the edge from {@code upstream} to {@code downstream}: the
   * declared one, else {@link PartitionMapping#defaultFor} (checked when the graph was built).
   *
   * @throws IllegalArgumentException when {@code downstream} does not read or depend on {@code
   *     upstream}
   */
  public PartitionMapping mapping(AssetKey upstream, AssetKey downstream) {
    PartitionMapping mapping =
        mappings.getOrDefault(node(downstream).key(), Map.of()).get(upstream);
    if (mapping == null) {
      throw new IllegalArgumentException(
          "asset " + downstream + " does not read or depend on " + upstream);
    }
    return mapping;
  }

  /** Returns the assets that read or depend on this asset directly, sorted. */
  public Set<AssetKey> downstream(AssetKey key) {
    node(key);
    return downstream.get(key);
  }

  /** Returns the keys and everything upstream of them, in topological order. */
  public Set<AssetKey> upstreamClosure(Collection<AssetKey> keys) {
    return closure(keys, this::upstream);
  }

  /** Returns the keys and everything downstream of them, in topological order. */
  public Set<AssetKey> downstreamClosure(Collection<AssetKey> keys) {
    return closure(keys, this::downstream);
  }

  /**
   * Returns the assets in layers: layer 0 has no upstream, each asset of layer n has an upstream in
   * layer n-1 and all in layers below. The assets of one layer can run in parallel.
   */
  public List<List<AssetKey>> layers() {
    return layers;
  }

  /** Returns these keys in topological order. */
  public List<AssetKey> sorted(Collection<AssetKey> keys) {
    Set<AssetKey> wanted = new HashSet<>(keys);
    return nodes.keySet().stream().filter(wanted::contains).toList();
  }

  private Set<AssetKey> closure(Collection<AssetKey> keys, Function<AssetKey, Set<AssetKey>> next) {
    Set<AssetKey> seen = new HashSet<>();
    Deque<AssetKey> todo = new ArrayDeque<>(keys);
    while (!todo.isEmpty()) {
      AssetKey k = todo.pop();
      if (seen.add(k)) {
        todo.addAll(next.apply(k));
      }
    }
    return new LinkedHashSet<>(sorted(seen));
  }
}
