package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.assets.internal.FreshnessWatch;
import dev.weft.assets.internal.FreshnessWorkflow;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link FreshnessTest}: a freshness watch whose timer fired after a
 * materialization moved its deadline (check, timer, no violation, continue-as-new), and one that
 * recorded the violation and was woken by the clearing materialization (check, violation, waiter,
 * signal, continue-as-new), replay on today's code; so do the partition-deadline cycles of {@link
 * PartitionDeadlineTest} (a timer to the window's deadline then the violation, and a deadline
 * already passed: the violation at once).
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

  @ParameterizedTest
  @ValueSource(
      strings = {"freshness-partition-deadline-violated", "freshness-partition-deadline-passed"})
  void aPartitionDeadlineCycleReplays(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name), FreshnessWorkflow.class, FreshnessWatch::new))
        .doesNotThrowAnyException();
  }
}
