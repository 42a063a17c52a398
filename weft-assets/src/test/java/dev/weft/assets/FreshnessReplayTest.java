package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.assets.internal.FreshnessWatch;
import dev.weft.assets.internal.FreshnessWorkflow;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replay twins of {@link FreshnessTest}: a freshness watch whose timer fired after a
 * materialization moved its deadline (check, timer, no violation, continue-as-new), and one that
 * recorded the violation and was woken by the clearing materialization (check, violation, waiter,
 * signal, continue-as-new), replay on today's code.
 */
@Tag("replay")
class FreshnessReplayTest {

  @Test
  void aFreshnessWatchThatRecheckedAtItsDeadlineReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("freshness-watch-recheck"),
                    FreshnessWorkflow.class,
                    FreshnessWatch::new))
        .doesNotThrowAnyException();
  }

  @Test
  void aFreshnessWatchCycleReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load("freshness-watch-cycle"),
                    FreshnessWorkflow.class,
                    FreshnessWatch::new))
        .doesNotThrowAnyException();
  }
}
