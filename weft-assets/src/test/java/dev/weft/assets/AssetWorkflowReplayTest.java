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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link AssetWorkflowTest}: a workflow that materialized as a child and one that
 * waited for a fresh asset, and the children themselves (the materialization planned by its local
 * activity, the wait woken by the catalog's signal), replay on today's code; so do those of {@link
 * PartitionedStatusAndWaitsTest}: waits on one partition (woken by its write, satisfied at once, a
 * key the definition refuses) and a workflow that materialized a partition range as a child.
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "await-asset-partition-woken",
        "await-asset-partition-at-once",
        "await-asset-partition-unknown-key"
      })
  void aWaitOnOnePartitionReplays(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name), AwaitAssetWorkflow.class, DurableAssetWait::new))
        .doesNotThrowAnyException();
  }

  @Test
  void aWorkflowThatWaitedForAPartitionReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("partition-wait-woken"),
                    PartitionedStatusAndWaitsTest.PartitionWaiting.class,
                    PartitionedStatusAndWaitsTest.PartitionWaitingWorkflow::new))
        .doesNotThrowAnyException();
  }

  @Test
  void aWorkflowThatMaterializedAPartitionRangeAsAChildReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("partition-materializing-failed-day"),
                    PartitionedStatusAndWaitsTest.PartitionMaterializing.class,
                    PartitionedStatusAndWaitsTest.PartitionMaterializingWorkflow::new))
        .doesNotThrowAnyException();
  }
}
