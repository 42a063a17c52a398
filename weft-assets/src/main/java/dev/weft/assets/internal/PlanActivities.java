package dev.weft.assets.internal;

import dev.weft.assets.PartitionSelection;
import dev.weft.failure.ApplicationFailure;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link MaterializePlanning} over a planner (the catalog's graph, as {@code
 * CatalogMaterializer.plan} reads it); a selection it refuses becomes a non-retryable failure whose
 * type is the exception's simple class name.
 */
public final class PlanActivities implements MaterializePlanning {
  private final Function<String, MaterializeRequest> planner;
  private final PartitionedPlanner partitioned;

  /**
   * Plans partitioned requests: a selection over partitions, with at most so many chunks at once.
   */
  @FunctionalInterface
  public interface PartitionedPlanner {
    /** Returns the plan with its chunks. */
    MaterializeRequest plan(
        String selection, PartitionSelection partitions, int maxConcurrentChunks);
  }

  /** Plans with {@code planner}; partitioned requests are refused. */
  public PlanActivities(Function<String, MaterializeRequest> planner) {
    this(
        planner,
        (selection, partitions, max) -> {
          throw new IllegalArgumentException(
              "partitions "
                  + partitions
                  + " of "
                  + selection
                  + ": this node plans no partitioned materializations");
        });
  }

  /** Plans with {@code planner}, and partitioned requests with {@code partitioned}. */
  public PlanActivities(
      Function<String, MaterializeRequest> planner, PartitionedPlanner partitioned) {
    this.planner = Objects.requireNonNull(planner, "planner");
    this.partitioned = Objects.requireNonNull(partitioned, "partitioned");
  }

  @Override
  public MaterializeRequest planPartitions(
      String selection, PartitionSelection partitions, int maxConcurrentChunks) {
    try {
      return partitioned.plan(selection, partitions, maxConcurrentChunks);
    } catch (IllegalArgumentException e) {
      throw new ApplicationFailure(e.getMessage(), e.getClass().getSimpleName(), true, null);
    }
  }

  @Override
  public MaterializeRequest plan(String selection) {
    try {
      return planner.apply(selection);
    } catch (IllegalArgumentException e) {
      throw new ApplicationFailure(e.getMessage(), e.getClass().getSimpleName(), true, null);
    }
  }
}
