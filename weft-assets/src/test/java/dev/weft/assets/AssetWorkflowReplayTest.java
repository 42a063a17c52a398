package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.assets.internal.AwaitAssetWorkflow;
import dev.weft.assets.internal.DurableAssetWait;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.ParallelMaterializeWorkflow;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replay twins of {@link AssetWorkflowTest}: a workflow that materialized as a child and one that
 * waited for a fresh asset, and the children themselves (the materialization planned by its local
 * activity, the wait woken by the catalog's signal), replay on today's code.
 */
@Tag("replay")
class AssetWorkflowReplayTest {

  @Test
  void aWorkflowThatMaterializedAsAChildReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("asset-workflow-materializes-child"),
                    AssetWorkflowTest.Materializing.class,
                    AssetWorkflowTest.MaterializingWorkflow::new))
        .doesNotThrowAnyException();
  }

  @Test
  void aMaterializationPlannedInTheChildReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("materialize-planned-in-child"),
                    MaterializeWorkflow.class,
                    ParallelMaterializeWorkflow::new))
        .doesNotThrowAnyException();
  }

  @Test
  void aWorkflowThatWaitedForAFreshAssetReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("asset-workflow-awaits-fresh"),
                    AssetWorkflowTest.Waiting.class,
                    AssetWorkflowTest.WaitingWorkflow::new))
        .doesNotThrowAnyException();
  }

  @Test
  void theWaitWokenByTheCatalogReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("await-asset-fresh"),
                    AwaitAssetWorkflow.class,
                    DurableAssetWait::new))
        .doesNotThrowAnyException();
  }
}
