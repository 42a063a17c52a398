package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import dev.weft.assets.PartitionSelection;

/**
 * Plans a selection against the catalog's graph, as a local activity of the materialization
 * workflow started by a workflow ({@code AssetWorkflow.materialize}): recorded once in the child's
 * history, so replay never plans again against a graph that changed since.
 */
@ActivityInterface
public interface MaterializePlanning {

  /**
   * Returns the plan of the selection.
   *
   * @throws dev.weft.failure.ApplicationFailure non-retryable, of type {@code
   *     UnknownAssetException}, {@code AssetSelectionSyntaxException} or {@code
   *     IllegalArgumentException}, with the exception's message
   */
  @ActivityMethod(name = "__weft_asset_plan")
  MaterializeRequest plan(String selection);

  /**
   * Returns the plan of the selection over these partitions, with its chunks ({@code
   * PartitionPlanner}), against the graph of the code this node hosts.
   *
   * @throws dev.weft.failure.ApplicationFailure non-retryable, of type {@code
   *     UnknownAssetException}, {@code AssetSelectionSyntaxException}, {@code
   *     PartitionKeyException} or {@code IllegalArgumentException}, with the exception's message
   */
  @ActivityMethod(name = "__weft_asset_plan_partitions")
  MaterializeRequest planPartitions(
      String selection, PartitionSelection partitions, int maxConcurrentChunks);
}
