package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.assets.internal.BackfillRun;
import dev.weft.assets.internal.BackfillWorkflow;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link BackfillRetryTest} and {@link BackfillLifecycleTest}: recorded backfills
 * replay on today's code.
 */
@Tag("replay")
class BackfillReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"backfill-month-failed-day", "backfill-paused-resumed", "backfill-canceled"})
  void recordedBackfillsReplay(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name), BackfillWorkflow.class, BackfillRun::new))
        .doesNotThrowAnyException();
  }
}
