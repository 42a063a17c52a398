package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloDelayedStart}: {@code WorkflowOptions.startDelay} creates the run at
 * once (it is visible and RUNNING) but dispatches its first workflow task only after the delay.
 * Same behaviour: the workflow code first runs two seconds after the start.
 */
class HelloDelayedStartTest {
  @WorkflowInterface
  public interface DelayedStartWorkflow {
    @WorkflowMethod
    Instant start();
  }

  public static class DelayedStartWorkflowImpl implements DelayedStartWorkflow {
    @Override
    public Instant start() {
      return Workflow.now();
    }
  }

  @Test
  void theFirstWorkflowTaskWaitsForTheDelay() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloDelayedStartTaskQueue")) {
      sample.worker.registerWorkflow(DelayedStartWorkflow.class, DelayedStartWorkflowImpl::new);
      sample.start();

      DelayedStartWorkflow workflow =
          sample
              .client()
              .newWorkflowStub(
                  DelayedStartWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("HelloDelayedStartWorkflow")
                      .taskQueue("HelloDelayedStartTaskQueue")
                      .startDelay(Duration.ofSeconds(2))
                      .build());
      Instant startedAt = sample.env.currentTime();
      WorkflowHandle<Instant> handle = sample.client().start(workflow::start);

      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(handle.describe().historyLength()).isEqualTo(1); // started, not yet run
      assertThat(Duration.between(startedAt, handle.getResult()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }
}
