package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.assets.internal.InvalidateWorkflow;
import dev.weft.assets.internal.RemoteInvalidation;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link InvalidateWorkflowTest}: a recorded {@code __weft_invalidate} that
 * invalidated with cascade and started the rematerialization, and one whose key the definition
 * refused, replay on today's code.
 */
@Tag("replay")
class InvalidateReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"invalidate-rematerialized", "invalidate-refused-key"})
  void recordedInvalidationsReplay(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name),
                    InvalidateWorkflow.class,
                    RemoteInvalidation::new))
        .doesNotThrowAnyException();
  }
}
