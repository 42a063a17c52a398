package dev.weft.cluster;

import dev.weft.activity.ActivityInterface;

/** One step of a {@link PipelineWorkflow}. */
@ActivityInterface
public interface Step {

  /** Works {@code workMillis}, then returns {@code workflowId/index}. */
  String step(String workflowId, int index, int workMillis);
}
