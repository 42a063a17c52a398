package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.NonDeterminismException;
import dev.weft.history.WorkflowHistory;
import dev.weft.workflow.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay tester accepts compatible code and reports incompatible code with both sides. */
class WorkflowReplayerTest {

  /** Sleeps twice where the original slept once: incompatible. */
  public static class ChangedSleeper implements TimeSkippingTest.Sleeper {
    @Override
    public long sleep(Duration duration) {
      Workflow.sleep(Duration.ofSeconds(1));
      Workflow.sleep(duration);
      return 0;
    }
  }

  private static WorkflowHistory record() {
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      env.newWorker("t")
          .registerWorkflow(TimeSkippingTest.Sleeper.class, TimeSkippingTest.SleeperImpl::new);
      env.start();
      TimeSkippingTest.Sleeper stub =
          env.client()
              .newWorkflowStub(
                  TimeSkippingTest.Sleeper.class,
                  WorkflowOptions.newBuilder().taskQueue("t").build());
      WorkflowHandle<Long> h = env.client().start(stub::sleep, Duration.ofHours(2));
      h.getResult();
      return h.fetchHistory();
    }
  }

  @Test
  void replaysTheSameCodeFromAJsonFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sleeper.json");
    Files.writeString(file, record().toJson());
    WorkflowReplayer.replayWorkflowExecution(
        file, TimeSkippingTest.Sleeper.class, TimeSkippingTest.SleeperImpl::new);
  }

  @Test
  void reportsIncompatibleCodeWithTheEventAndBothSides() {
    WorkflowHistory history = record();
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history, TimeSkippingTest.Sleeper.class, ChangedSleeper::new))
        .isInstanceOfSatisfying(
            NonDeterminismException.class,
            e -> {
              assertThat(e.getRunId()).isEqualTo(history.runId());
              // timers match by sequence number (a changed duration is compatible, as in
              // Temporal); the extra sleep shows when the code starts a second timer where the
              // history completed the workflow
              assertThat(e.getEventId()).isEqualTo(6);
              assertThat(e.getCodeAskedFor()).isEqualTo("TimerStarted(seq 2, PT2H)");
              assertThat(e.getHistoryHas()).isEqualTo("WorkflowCompleted");
              assertThat(e.getMessage()).contains("history event 6");
            });
  }

  @Test
  void refusesAHistoryOfAnotherType() {
    WorkflowHistory history = record();
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history, TimeSkippingTest.Retrier.class, TimeSkippingTest.RetrierImpl::new))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Sleeper'");
  }
}
