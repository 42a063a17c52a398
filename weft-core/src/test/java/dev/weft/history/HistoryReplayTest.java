package dev.weft.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.ClientTest;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.failure.NonDeterminismException;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public replay entry point, over a checked-in history. */
class HistoryReplayTest {

  /** A later version of the job that sleeps before it answers: not what the history recorded. */
  static final class SleepyJob extends ClientTest.JobImpl {
    @Override
    public String run(String outcome) {
      Workflow.sleep(Duration.ofSeconds(1));
      return super.run(outcome);
    }
  }

  @Test
  void theCodeThatRecordedAHistoryReplaysIt() {
    WorkflowHistory history = Histories.load("client-completed");

    HistoryReplay.replay(
        history, ClientTest.Job.class, ClientTest.JobImpl::new, new JacksonDataConverter());

    assertThat(HistoryReplay.workflowTasks(history)).isEqualTo(1);
  }

  @Test
  void codeThatAsksForOtherCommandsIsANonDeterminismNamingBothSides() {
    WorkflowHistory history = Histories.load("client-completed");

    assertThatThrownBy(
            () ->
                HistoryReplay.replay(
                    history, ClientTest.Job.class, SleepyJob::new, new JacksonDataConverter()))
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("TimerStarted")
        .hasMessageContaining("WorkflowCompleted");
  }

  @Test
  void aHistoryOfAnotherWorkflowTypeIsRefused() {
    WorkflowHistory history = Histories.load("updates-accepted");

    assertThatThrownBy(
            () ->
                HistoryReplay.replay(
                    history,
                    ClientTest.Job.class,
                    ClientTest.JobImpl::new,
                    new JacksonDataConverter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is of workflow type");
  }
}
