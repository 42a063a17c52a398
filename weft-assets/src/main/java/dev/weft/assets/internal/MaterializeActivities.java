package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import java.util.List;

/** The activities of the materialization workflow. */
@ActivityInterface
public interface MaterializeActivities {

  /**
   * Runs the step's compute (or observe function) and records its materializations and check
   * results in the catalog, in the transaction of this activity's completion.
   */
  @ActivityMethod(name = "__weft_asset_materialize")
  StepOutcome materialize(String step);

  /** Records a failed materialization of each of the step's assets. */
  @ActivityMethod(name = "__weft_asset_record_failure")
  void recordFailure(String step, String errorType, String message);

  /**
   * Claims partitions {@code [start, end)} of the step's assets (in progress), runs the compute
   * once for them and records their materialization, with the downstream partitions it makes stale,
   * in the transaction of this activity's completion; a failed attempt releases the claim.
   */
  @ActivityMethod(name = "__weft_asset_materialize_partitions")
  StepOutcome materializePartitions(String step, long start, long end);

  /** Records that materializing partitions {@code [start, end)} of the step's assets failed. */
  @ActivityMethod(name = "__weft_asset_record_partitions_failure")
  void recordPartitionsFailure(String step, long start, long end, String errorType, String message);

  /**
   * Releases the in-progress claims the calling run holds on the partitions of these chunks (a
   * partition claimed by another run, or not claimed, is left alone), so they go back to the status
   * they had before: what a cancelled partitioned materialization does on its way out.
   */
  @ActivityMethod(name = "__weft_asset_release_partitions")
  void releasePartitions(List<PlanChunk> chunks);
}
