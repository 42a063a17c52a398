package dev.weft.schedules.internal;

import dev.weft.assets.AssetSelection;
import dev.weft.assets.AssetWorkflow;
import dev.weft.assets.MaterializationResult;
import dev.weft.assets.PartitionSelection;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.Workflow;

/**
 * {@link MaterializeTriggerWorkflow}: one child {@code __weft_materialize} run with the ID {@code
 * <this workflow's ID>/materialize}, through weft-assets' public {@link AssetWorkflow}.
 */
public final class MaterializeTrigger implements MaterializeTriggerWorkflow {

  @Override
  public MaterializeTriggerOutcome run(String selection, String partitionKey) {
    String childId = Workflow.getInfo().workflowId() + "/materialize";
    ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder().workflowId(childId).build();
    AssetSelection parsed = AssetSelection.parse(selection);
    MaterializationResult result =
        partitionKey == null
            ? AssetWorkflow.materialize(parsed, options).get()
            : AssetWorkflow.materialize(
                    parsed,
                    PartitionSelection.keys(partitionKey),
                    dev.weft.assets.Assets.DEFAULT_CONCURRENT_CHUNKS,
                    options)
                .get();
    return new MaterializeTriggerOutcome(childId, result.succeeded());
  }
}
