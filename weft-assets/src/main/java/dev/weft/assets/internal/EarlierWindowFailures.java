package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.partitions.PartitionCascade;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillChunkPage;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the chunks of a backfill's window that read an upstream partition which failed or was
 * skipped in an earlier window of the same backfill. A window's plan links only its own chunks
 * ({@link PartitionPlanner}), and a lagged mapping (today reads yesterday) makes the first chunks
 * of a window read the last partitions of the one before. That window ended before this one was
 * planned, and the workflow's memory of it is gone at continue-as-new: what became of its chunks is
 * read from the backfill's chunk rows in the catalog.
 */
final class EarlierWindowFailures {
  private static final int PAGE = 1_000;

  private final String namespace;
  private final AssetGraph graph;
  private final PartitionCascade cascade;
  private final BackfillCatalog catalog;

  EarlierWindowFailures(String namespace, AssetGraph graph, BackfillCatalog catalog) {
    this.namespace = namespace;
    this.graph = graph;
    this.cascade = PartitionCascade.of(graph);
    this.catalog = catalog;
  }

  /**
   * Returns the chunks of {@code window} (by position) that read, below the window's first
   * partition, a partition the backfill recorded FAILED or SKIPPED, each with why (as a skip inside
   * a window says it: {@code upstream 2024-01-15 failed}).
   */
  Map<Integer, String> skipped(
      String backfillId, MaterializeRequest window, PartitionsContext ctx) {
    Map<String, List<BackfillChunk>> notMaterialized = notMaterialized(backfillId);
    if (notMaterialized.isEmpty() || window.chunks().isEmpty()) {
      return Map.of();
    }
    long first = Long.MAX_VALUE;
    for (PlanChunk chunk : window.chunks()) {
      first = Math.min(first, chunk.start());
    }
    if (first == 0) {
      return Map.of();
    }
    IndexRangeSet earlier = IndexRangeSet.of(new IndexRange(0, first));
    Map<String, PlanStep> steps = new HashMap<>();
    window.steps().forEach(s -> steps.put(s.name(), s));
    Map<Integer, String> out = new HashMap<>();
    for (int i = 0; i < window.chunks().size(); i++) {
      PlanChunk chunk = window.chunks().get(i);
      String why = why(steps.get(chunk.step()), chunk, earlier, notMaterialized, ctx);
      if (why != null) {
        out.put(i, why);
      }
    }
    return out;
  }

  private String why(
      PlanStep step,
      PlanChunk chunk,
      IndexRangeSet earlier,
      Map<String, List<BackfillChunk>> notMaterialized,
      PartitionsContext ctx) {
    IndexRangeSet own = IndexRangeSet.of(new IndexRange(chunk.start(), chunk.end()));
    for (String key : step.keys()) {
      for (var read : cascade.upstreamOf(AssetKey.of(key), own, ctx).entrySet()) {
        List<BackfillChunk> rows = notMaterialized.get(read.getKey().path());
        if (rows == null || graph.node(read.getKey()).definition().name().equals(step.name())) {
          continue;
        }
        IndexRangeSet before = read.getValue().intersect(earlier);
        for (BackfillChunk row : before.isEmpty() ? List.<BackfillChunk>of() : rows) {
          if (!before
              .intersect(IndexRangeSet.of(new IndexRange(row.start(), row.end())))
              .isEmpty()) {
            String text =
                row.partitions() == 1 ? row.fromKey() : row.fromKey() + ".." + row.toKey();
            return "upstream " + text + " " + row.status().name().toLowerCase(Locale.ROOT);
          }
        }
      }
    }
    return null;
  }

  /** The backfill's FAILED and SKIPPED chunk rows, by asset. */
  private Map<String, List<BackfillChunk>> notMaterialized(String backfillId) {
    Map<String, List<BackfillChunk>> out = new HashMap<>();
    for (ChunkStatus status : List.of(ChunkStatus.FAILED, ChunkStatus.SKIPPED)) {
      String token = null;
      do {
        BackfillChunkPage page = catalog.chunks(namespace, backfillId, status, token, PAGE);
        page.chunks()
            .forEach(c -> out.computeIfAbsent(c.assetKey(), k -> new ArrayList<>()).add(c));
        token = page.nextPageToken();
      } while (token != null);
    }
    return out;
  }
}
