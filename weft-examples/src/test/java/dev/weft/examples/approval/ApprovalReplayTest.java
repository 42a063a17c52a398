package dev.weft.examples.approval;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay twins of {@link ApprovalTest}: the histories it recorded (with {@code
 * -Dweft.recordHistories=true}, see {@link RecordedHistories}) still replay on the current code.
 */
@Tag("replay")
class ApprovalReplayTest {
  static final String APPROVED = "approval-approved";
  static final String ESCALATED = "approval-escalated-approved";
  static final String EXPIRED = "approval-expired";
  static final String DECIDED_TWICE = "approval-decided-twice";

  @ParameterizedTest
  @ValueSource(strings = {APPROVED, ESCALATED, EXPIRED, DECIDED_TWICE})
  void replaysTheRecordedHistory(String name) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    RecordedHistories.load(name), ApprovalWorkflow.class, ExpenseApproval::new))
        .doesNotThrowAnyException();
  }
}
