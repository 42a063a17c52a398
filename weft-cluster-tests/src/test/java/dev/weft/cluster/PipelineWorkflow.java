package dev.weft.cluster;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** The workload of the cluster tests: sequential activity steps with a durable timer halfway. */
@WorkflowInterface
public interface PipelineWorkflow {

  /**
   * Runs {@code steps} activities one after the other, sleeping {@code sleepMillis} on a durable
   * timer after the middle one (no timer if it is 0).
   *
   * @param workMillis how long each activity works
   * @return the steps' results joined by commas ({@link WorkflowShape#expectedResult})
   */
  @WorkflowMethod
  String run(int steps, int workMillis, long sleepMillis);
}
