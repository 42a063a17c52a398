package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import java.util.List;

/**
 * The check every partitioned run makes before it plans: each selected asset is partitioned, and
 * all share one partitions definition (their chunks are cut from one index space). A backfill
 * ({@link BackfillPlanner}, and {@code CatalogBackfills} on catalog descriptions) makes it with
 * {@link #sharedRoot}; a materialization ({@link PartitionPlanner}) refuses an unpartitioned asset
 * in the same words and names every definition of a mixed selection with its assets.
 */
public enum PartitionedRun {
  /** A partitioned materialization. */
  MATERIALIZATION("materialize"),
  /** A backfill. */
  BACKFILL("backfill");

  private final String verb;

  PartitionedRun(String verb) {
    this.verb = verb;
  }

  /**
   * Returns the node of the plan's first asset, whose definition every asset of the plan shares.
   *
   * @throws IllegalArgumentException naming an unpartitioned asset, or two assets partitioned
   *     differently and their definitions
   */
  public AssetNode sharedRoot(AssetGraph graph, List<PlanStep> steps, Object partitions) {
    AssetNode root = null;
    for (PlanStep step : steps) {
      for (String key : step.keys()) {
        AssetNode node = graph.node(AssetKey.of(key));
        if (!node.definition().partitioning().partitioned()) {
          throw unpartitioned(key, partitions);
        }
        if (root == null) {
          root = node;
        } else if (!root.partitions().equals(node.partitions())) {
          throw notShared(root.key(), root.partitions(), key, node.partitions());
        }
      }
    }
    return root;
  }

  /** The refusal of an unpartitioned {@code asset} selected for {@code partitions}. */
  public IllegalArgumentException unpartitioned(Object asset, Object partitions) {
    String run =
        this == MATERIALIZATION
            ? "partitions " + partitions + " cannot be materialized for it"
            : "it cannot be backfilled over partitions " + partitions;
    return new IllegalArgumentException(
        "asset " + asset + " is not partitioned, so " + run + "; select only partitioned assets");
  }

  /** The refusal of two selected assets partitioned differently. */
  public IllegalArgumentException notShared(
      Object first, Object firstPartitions, Object asset, Object partitions) {
    return new IllegalArgumentException(
        "assets "
            + first
            + " ("
            + firstPartitions
            + ") and "
            + asset
            + " ("
            + partitions
            + ") do not share a partitions definition: "
            + verb
            + " them separately");
  }
}
