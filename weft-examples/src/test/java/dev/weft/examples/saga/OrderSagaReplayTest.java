package dev.weft.examples.saga;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link OrderSagaTest}: the histories it recorded (see {@link RecordedHistories})
 * still replay on the current code.
 */
@Tag("replay")
class OrderSagaReplayTest {
  static final String SHIPPED = "order-shipped";
  static final String COMPENSATED = "order-compensated";

  @ParameterizedTest
  @ValueSource(strings = {SHIPPED, COMPENSATED})
  void replaysTheRecordedHistory(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name), OrderWorkflow.class, OrderSaga::new))
        .doesNotThrowAnyException();
  }
}
