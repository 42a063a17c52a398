package dev.weft.assets.partitions;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Follows partition mappings through an {@link AssetGraph}: which partitions of every downstream
 * asset a change of some partitions reaches ({@link #downstreamOf}, for invalidation, observations
 * and automation), and which partitions of its direct upstream assets a range of an asset reads
 * ({@link #upstreamOf}, for runs and backfills). The store never interprets a mapping: a catalog
 * write carries the list this class computes.
 *
 * <p>Cost: one mapping call per edge of the downstream closure, on ranges (identity, shifts and
 * coarser mappings never iterate indexes). Immutable and thread-safe.
 *
 * <pre>{@code
 * PartitionCascade cascade = PartitionCascade.of(graph);
 * List<PartitionCascade.Reached> stale = cascade.downstreamOf(
 *     AssetKey.of("chain/raw_blocks"), IndexRangeSet.of(new IndexRange(19_000_000, 19_000_015)), ctx);
 * }</pre>
 */
public final class PartitionCascade {
  private final AssetGraph graph;

  private PartitionCascade(AssetGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** Returns the cascade over {@code graph}. */
  public static PartitionCascade of(AssetGraph graph) {
    return new PartitionCascade(graph);
  }

  /**
   * One downstream asset a change reaches.
   *
   * @param asset the downstream asset
   * @param partitions its partitions that read, directly or through other assets, a changed one
   * @param rootCause the asset whose partitions changed
   * @param via the direct upstream assets it was reached through, in graph order
   */
  public record Reached(
      AssetKey asset, IndexRangeSet partitions, AssetKey rootCause, List<AssetKey> via) {
    /** Copies the list. */
    public Reached {
      via = List.copyOf(via);
    }
  }

  /** {@link #downstreamOf(AssetKey, IndexRangeSet, Function)} with one context for every asset. */
  public List<Reached> downstreamOf(
      AssetKey asset, IndexRangeSet partitions, PartitionsContext ctx) {
    return downstreamOf(asset, partitions, k -> ctx);
  }

  /**
   * Returns every downstream asset that {@code partitions} of {@code asset} reach, with the
   * partitions reached, in graph (topological) order, each asset once: an asset reached along
   * several paths (a diamond) gets the union. Assets reached with no partition are left out; the
   * asset itself is not in the list.
   *
   * @param contexts what exists now, per asset (for mappings that read it: allUpstream, lastN)
   * @throws dev.weft.assets.UnknownAssetException when the graph has no such asset
   * @throws PartitionKeyException naming the asset when {@code partitions} fall outside its
   *     declared range
   */
  public List<Reached> downstreamOf(
      AssetKey asset, IndexRangeSet partitions, Function<AssetKey, PartitionsContext> contexts) {
    AssetNode root = graph.node(asset);
    requireDeclared(root, partitions);
    Map<AssetKey, IndexRangeSet> reached = new HashMap<>();
    reached.put(asset, partitions);
    Map<AssetKey, PartitionsContext> seen = new HashMap<>();
    Function<AssetKey, PartitionsContext> context = k -> seen.computeIfAbsent(k, contexts);
    List<Reached> out = new ArrayList<>();
    for (AssetKey key : graph.downstreamClosure(List.of(asset))) {
      if (key.equals(asset)) {
        continue;
      }
      AssetNode node = graph.node(key);
      IndexRangeSet union = IndexRangeSet.empty();
      List<AssetKey> via = new ArrayList<>();
      for (AssetKey up : node.upstream()) {
        IndexRangeSet changed = reached.get(up);
        if (changed == null || changed.isEmpty()) {
          continue;
        }
        PartitionEdge edge =
            new PartitionEdge(
                graph.node(up).partitions(),
                node.partitions(),
                context.apply(up),
                context.apply(key));
        IndexRangeSet mapped = graph.mapping(up, key).downstream(changed, edge);
        if (!mapped.isEmpty()) {
          union = union.union(mapped);
          via.add(up);
        }
      }
      if (!union.isEmpty()) {
        reached.put(key, union);
        out.add(new Reached(key, union, asset, via));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns, for each direct upstream asset of {@code asset}, the partitions that {@code
   * partitions} of {@code asset} read (an upstream read with no partition is left out), in the
   * order the upstream assets are declared.
   *
   * @throws PartitionKeyException naming the asset when {@code partitions} fall outside its
   *     declared range
   */
  public Map<AssetKey, IndexRangeSet> upstreamOf(
      AssetKey asset, IndexRangeSet partitions, Function<AssetKey, PartitionsContext> contexts) {
    AssetNode node = graph.node(asset);
    requireDeclared(node, partitions);
    Map<AssetKey, IndexRangeSet> out = new LinkedHashMap<>();
    PartitionsContext own = contexts.apply(asset);
    for (AssetKey up : node.upstream()) {
      PartitionEdge edge =
          new PartitionEdge(
              graph.node(up).partitions(), node.partitions(), contexts.apply(up), own);
      IndexRangeSet read = graph.mapping(up, asset).upstream(partitions, edge);
      if (!read.isEmpty()) {
        out.put(up, read);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** {@link #upstreamOf(AssetKey, IndexRangeSet, Function)} with one context for every asset. */
  public Map<AssetKey, IndexRangeSet> upstreamOf(
      AssetKey asset, IndexRangeSet partitions, PartitionsContext ctx) {
    return upstreamOf(asset, partitions, k -> ctx);
  }

  private static void requireDeclared(AssetNode node, IndexRangeSet partitions) {
    PartitionsDefinition def = node.partitions();
    IndexRangeSet outside = partitions.minus(IndexRangeSet.of(def.declaredRange()));
    if (!outside.isEmpty()) {
      throw new PartitionKeyException(
              "#" + outside.ranges().get(0).start(),
              def.toString(),
              "outside the declared indexes " + def.declaredRange())
          .forAsset(node.key());
    }
  }
}
