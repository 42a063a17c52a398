package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetSelection;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a backfill into windows: each a run of consecutive partitions (in index order) small enough
 * that its chunks (every step's, {@link PartitionPlanner}) number about {@value
 * #CHUNKS_PER_WINDOW}, so one workflow run's history stays bounded.
 */
public final class BackfillPlanner {
  /** About how many chunks one window holds. */
  static final int CHUNKS_PER_WINDOW = 200;

  /** At most this many partitions in a window of scattered keys (planned as a key list). */
  static final int MAX_SCATTERED = 1_000;

  private BackfillPlanner() {}

  /**
   * A backfill resolved against the graph: its steps, its partitions' indexes and each selected
   * asset's share of them.
   *
   * @param base the plan's steps (without chunks)
   * @param definition the definition every selected asset shares
   * @param indexes the partitions it runs
   * @param windowSize how many partitions a window holds at most
   */
  public record Resolved(
      MaterializeRequest base,
      PartitionsDefinition definition,
      IndexRangeSet indexes,
      long windowSize) {

    /** The partitions each asset gets, in plan order. */
    public Map<String, Long> partitionsPerAsset() {
      Map<String, Long> out = new LinkedHashMap<>();
      base.steps().forEach(s -> s.keys().forEach(k -> out.put(k, indexes.size())));
      return out;
    }
  }

  /**
   * Resolves a backfill's selection and partitions.
   *
   * @throws dev.weft.assets.UnknownAssetException naming unknown keys
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition when
   *     a key is outside the definition or a range holds no partition
   * @throws IllegalArgumentException naming an unpartitioned asset or assets partitioned
   *     differently
   */
  public static Resolved resolve(
      AssetGraph graph,
      String selection,
      List<PartitionSelection> partitions,
      PartitionsContext ctx) {
    AssetSelection parsed = AssetSelection.parse(selection);
    MaterializeRequest base = Planner.plan(parsed.toString(), graph, parsed.resolve(graph));
    AssetNode root = PartitionedRun.BACKFILL.sharedRoot(graph, base.steps(), partitions);
    double chunksPerPartition = 0;
    long largest = 1;
    for (PlanStep step : base.steps()) {
      int max = PartitionPlanner.maxPerRun(graph, step);
      chunksPerPartition += 1.0 / max;
      largest = Math.max(largest, max);
    }
    IndexRangeSet indexes =
        BackfillPartitions.resolve(root.key(), root.partitions(), partitions, ctx);
    long window = Math.max(1, (long) (CHUNKS_PER_WINDOW / chunksPerPartition));
    if (window >= largest) {
      window -= window % largest;
    }
    return new Resolved(base, root.partitions(), indexes, window);
  }

  /**
   * Returns the window starting at {@code offset} (the position of its first partition among the
   * backfill's, in index order) with its chunks, and where the next starts (-1 after the last).
   */
  public static BackfillWindow window(
      AssetGraph graph,
      Resolved r,
      long offset,
      int maxConcurrentRuns,
      String status,
      PartitionsContext ctx) {
    List<IndexRange> picked = new ArrayList<>();
    long skip = offset;
    long room = r.windowSize();
    for (IndexRange range : r.indexes().ranges()) {
      long size = range.end() - range.start();
      if (skip >= size) {
        skip -= size;
        continue;
      }
      long start = range.start() + skip;
      skip = 0;
      long take = Math.min(room, range.end() - start);
      if (!picked.isEmpty()) {
        take = Math.min(take, MAX_SCATTERED - taken(picked));
      }
      if (take <= 0) {
        break;
      }
      picked.add(new IndexRange(start, start + take));
      room -= take;
      if (room == 0 || (picked.size() > 1 && taken(picked) >= MAX_SCATTERED)) {
        break;
      }
    }
    long taken = taken(picked);
    PartitionSelection selection;
    if (picked.size() == 1) {
      IndexRange only = picked.get(0);
      selection =
          PartitionSelection.range(
              r.definition().key(only.start(), ctx), r.definition().key(only.end() - 1, ctx));
    } else {
      List<String> keys = new ArrayList<>();
      for (IndexRange range : picked) {
        for (long i = range.start(); i < range.end(); i++) {
          keys.add(r.definition().key(i, ctx));
        }
      }
      selection = PartitionSelection.keys(keys);
    }
    MaterializeRequest request =
        PartitionPlanner.plan(r.base(), graph, selection, maxConcurrentRuns, ctx);
    long next = offset + taken;
    return new BackfillWindow(status, request, next < r.indexes().size() ? next : -1, Map.of());
  }

  private static long taken(List<IndexRange> ranges) {
    long n = 0;
    for (IndexRange range : ranges) {
      n += range.end() - range.start();
    }
    return n;
  }
}
