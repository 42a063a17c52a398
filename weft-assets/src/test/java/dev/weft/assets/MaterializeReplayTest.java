package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.ParallelMaterializeWorkflow;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link MaterializeTest}, {@link PartitionedMaterializeTest}, {@link
 * PartitionedStatusAndWaitsTest} (partitions planned in the child, a plan refused) and {@link
 * PartitionedCancelAndDynamicTest} (a cancelled run releasing its claims): recorded
 * materializations replay on today's code.
 */
@Tag("replay")
class MaterializeReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "materialize-twenty-assets",
        "materialize-failed-compute",
        "materialize-blocking-check",
        "materialize-partitions-daily",
        "materialize-partitions-failed-day",
        "materialize-partitions-planned-in-child",
        "materialize-partitions-plan-refused",
        "materialize-partitions-canceled"
      })
  void recordedMaterializationsReplay(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name),
                    MaterializeWorkflow.class,
                    ParallelMaterializeWorkflow::new))
        .doesNotThrowAnyException();
  }
}
