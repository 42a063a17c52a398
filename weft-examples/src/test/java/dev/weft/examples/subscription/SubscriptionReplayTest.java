package dev.weft.examples.subscription;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link SubscriptionTest}: the histories it recorded (see {@link
 * RecordedHistories}) still replay on the current code.
 */
@Tag("replay")
class SubscriptionReplayTest {
  static final String COMPLETED = "subscription-completed";
  static final String UNSUBSCRIBED = "subscription-unsubscribed";

  @ParameterizedTest
  @ValueSource(strings = {COMPLETED, UNSUBSCRIBED})
  void replaysTheRecordedHistory(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name),
                    SubscriptionWorkflow.class,
                    EmailSubscription::new))
        .doesNotThrowAnyException();
  }
}
