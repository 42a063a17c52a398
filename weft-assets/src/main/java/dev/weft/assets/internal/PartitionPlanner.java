package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.PartitionCascade;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plan and a partition selection into the chunks of a partitioned materialization: every
 * selected asset shares one {@link PartitionsDefinition}; each step's partitions are cut into
 * chunks of at most its {@code maxPartitionsPerRun}; each chunk waits for the chunks of its
 * upstream steps holding the partitions it reads (through the edge's mapping), so a downstream
 * chunk starts when its own upstream chunks committed, not when the whole upstream step did. A
 * partitioned observable source is planned like any step: its chunks observe their partitions.
 */
public final class PartitionPlanner {
  /** How many assets of each definition a refusal names. */
  private static final int NAMED = 5;

  private PartitionPlanner() {}

  /**
   * Returns {@code plan} with its chunks.
   *
   * @throws IllegalArgumentException when {@code maxConcurrentChunks} is below 1, naming the asset
   *     when a selected asset is unpartitioned, each definition with its assets when the selected
   *     assets have several definitions, and a {@link PartitionKeyException} naming asset, key and
   *     definition when a key is outside the definition or the range holds no partition
   */
  public static MaterializeRequest plan(
      MaterializeRequest plan,
      AssetGraph graph,
      PartitionSelection selection,
      int maxConcurrentChunks,
      PartitionsContext ctx) {
    if (maxConcurrentChunks < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentChunks is " + maxConcurrentChunks + ": expected at least 1");
    }
    List<PartitionsDefinition> defs = new ArrayList<>();
    List<List<AssetNode>> groups = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      for (String key : step.keys()) {
        AssetNode node = graph.node(AssetKey.of(key));
        if (!node.definition().partitioning().partitioned()) {
          throw PartitionedRun.MATERIALIZATION.unpartitioned(key, selection);
        }
        int group = defs.indexOf(node.partitions());
        if (group < 0) {
          defs.add(node.partitions());
          groups.add(new ArrayList<>());
          group = defs.size() - 1;
        }
        groups.get(group).add(node);
      }
    }
    if (defs.size() > 1) {
      throw new IllegalArgumentException(spansDefinitions(plan.selection(), defs, groups));
    }
    AssetNode root = groups.get(0).get(0);
    PartitionsDefinition def = root.partitions();
    IndexRangeSet indexes = resolve(root.key(), def, selection, ctx);
    List<PlanChunk> chunks = new ArrayList<>();
    Map<String, List<Integer>> byStep = new HashMap<>();
    PartitionCascade cascade = PartitionCascade.of(graph);
    for (PlanStep step : plan.steps()) {
      int max = maxPerRun(graph, step);
      List<Integer> own = new ArrayList<>();
      for (IndexRange range : indexes.ranges()) {
        for (long start = range.start(); start < range.end(); start += max) {
          long end = Math.min(range.end(), start + max);
          List<Integer> after = after(step, start, end, graph, cascade, chunks, byStep, ctx);
          own.add(chunks.size());
          chunks.add(new PlanChunk(step.name(), start, end, text(def, start, end, ctx), after));
        }
      }
      byStep.put(step.name(), own);
    }
    return new MaterializeRequest(plan.selection(), plan.steps(), chunks, maxConcurrentChunks);
  }

  private static List<Integer> after(
      PlanStep step,
      long start,
      long end,
      AssetGraph graph,
      PartitionCascade cascade,
      List<PlanChunk> chunks,
      Map<String, List<Integer>> byStep,
      PartitionsContext ctx) {
    Set<Integer> after = new LinkedHashSet<>();
    for (String key : step.keys()) {
      Map<AssetKey, IndexRangeSet> reads =
          cascade.upstreamOf(AssetKey.of(key), IndexRangeSet.of(new IndexRange(start, end)), ctx);
      for (var read : reads.entrySet()) {
        String upStep = graph.node(read.getKey()).definition().name();
        if (upStep.equals(step.name()) || !byStep.containsKey(upStep)) {
          continue;
        }
        List<Integer> upChunks = byStep.get(upStep);
        for (IndexRange r : read.getValue().ranges()) {
          // a step's chunks are disjoint and in index order: find the first that ends after the
          // read range starts, then take chunks until one starts at or after its end
          for (int k = firstEndingAfter(upChunks, chunks, r.start());
              k < upChunks.size() && chunks.get(upChunks.get(k)).start() < r.end();
              k++) {
            after.add(upChunks.get(k));
          }
        }
      }
    }
    return List.copyOf(after);
  }

  /** The position in {@code own} (chunk numbers in index order) of the first chunk ending after. */
  private static int firstEndingAfter(List<Integer> own, List<PlanChunk> chunks, long index) {
    int lo = 0;
    int hi = own.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (chunks.get(own.get(mid)).end() <= index) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The most partitions one compute call of the step takes. */
  public static int maxPerRun(AssetGraph graph, PlanStep step) {
    return graph
        .node(AssetKey.of(step.keys().get(0)))
        .definition()
        .partitioning()
        .maxPartitionsPerRun();
  }

  /**
   * The refusal of a selection whose assets have several partitions definitions, naming each
   * definition with its assets (at most five each).
   */
  private static String spansDefinitions(
      String selection, List<PartitionsDefinition> defs, List<List<AssetNode>> groups) {
    StringBuilder out =
        new StringBuilder("selection '")
            .append(selection)
            .append("' spans ")
            .append(defs.size())
            .append(" partitions definitions, and a partitioned materialization runs the assets of")
            .append(" one definition:");
    for (int i = 0; i < defs.size(); i++) {
      List<AssetNode> assets = groups.get(i);
      out.append(i == 0 ? " " : "; ").append(defs.get(i)).append(": ");
      out.append(String.join(", ", assets.stream().limit(NAMED).map(n -> n.key().path()).toList()));
      if (assets.size() > NAMED) {
        out.append(" and ").append(assets.size() - NAMED).append(" more");
      }
    }
    return out.append(
            ". Materialize each definition's assets by themselves, with partitions of that"
                + " definition, or launch a backfill of each (a backfill also runs one"
                + " definition's assets)")
        .toString();
  }

  /** Returns the indexes of the selection in {@code def}, never empty. */
  static IndexRangeSet resolve(
      AssetKey asset,
      PartitionsDefinition def,
      PartitionSelection selection,
      PartitionsContext ctx) {
    try {
      if (!selection.keys().isEmpty()) {
        List<IndexRange> ranges = new ArrayList<>();
        for (String key : selection.keys()) {
          ranges.add(IndexRange.of(def.index(key, ctx)));
        }
        return IndexRangeSet.of(ranges);
      }
      long first = def.index(selection.first(), ctx);
      long last = def.index(selection.last(), ctx);
      if (last < first) {
        throw new PartitionKeyException(
            selection.first() + ".." + selection.last(),
            def.toString(),
            "the range holds no partition (its last key comes before its first)");
      }
      return IndexRangeSet.of(new IndexRange(first, last + 1));
    } catch (PartitionKeyException e) {
      throw e.asset() == null ? e.forAsset(asset) : e;
    }
  }

  /** The partitions {@code [start, end)} as people read them. */
  static String text(PartitionsDefinition def, long start, long end, PartitionsContext ctx) {
    return end - start == 1
        ? def.key(start, ctx)
        : def.key(start, ctx) + ".." + def.key(end - 1, ctx);
  }
}
