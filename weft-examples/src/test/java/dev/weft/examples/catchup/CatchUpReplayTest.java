package dev.weft.examples.catchup;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link CatchUpTest}: the first run (which continued as new) and the last run
 * (which returned the totals) it recorded still replay on the current code.
 */
@Tag("replay")
class CatchUpReplayTest {
  static final String FIRST_RUN = "catch-up-first-run";
  static final String LAST_RUN = "catch-up-last-run";

  @ParameterizedTest
  @ValueSource(strings = {FIRST_RUN, LAST_RUN})
  void replaysTheRecordedHistory(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name), CatchUpWorkflow.class, BlockCatchUp::new))
        .doesNotThrowAnyException();
  }
}
