package dev.weft.examples.temporal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code polling/periodicsequence}: when each poll is a sequence of activities, a child
 * workflow polls in a loop (one try, a one-second sleep, try again), continuing as new after 10
 * tries to bound its history; the parent waits for the child's answer. The service answers on its
 * 25th call here, so the child continues as new twice. Same result: "OK".
 */
class PeriodicPollingTest {
  @WorkflowInterface
  public interface PollingChildWorkflow {
    @WorkflowMethod
    String exec(int pollingIntervalInSeconds);
  }

  public static class PeriodicPollingWorkflowImpl implements PollingWorkflow {
    @Override
    public String exec() {
      return Workflow.newChildWorkflowStub(PollingChildWorkflow.class).exec(1);
    }
  }

  public static class PeriodicPollingChildWorkflowImpl implements PollingChildWorkflow {
    private static final int SINGLE_WORKFLOW_POLL_ATTEMPTS = 10;

    private final PollingActivities activities =
        Workflow.newActivityStub(
            PollingActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(Duration.ofSeconds(4))
                .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
                .build());

    @Override
    public String exec(int pollingIntervalInSeconds) {
      for (int i = 0; i < SINGLE_WORKFLOW_POLL_ATTEMPTS; i++) {
        try {
          return activities.doPoll();
        } catch (ActivityFailure e) {
          // the service is down: try again after the interval
        }
        Workflow.sleep(Duration.ofSeconds(pollingIntervalInSeconds));
      }
      Workflow.newContinueAsNewStub(PollingChildWorkflow.class).exec(pollingIntervalInSeconds);
      throw new IllegalStateException("unreachable: continue-as-new does not return");
    }
  }

  /** One call of the service per attempt; the workflow decides when to try again. */
  static final class PeriodicPollingActivityImpl implements PollingActivities {
    private final FlakyService service;

    PeriodicPollingActivityImpl(FlakyService service) {
      this.service = service;
    }

    @Override
    public String doPoll() {
      try {
        return service.getServiceResult();
      } catch (FlakyService.ServiceDownException e) {
        throw Activity.wrap(e);
      }
    }
  }

  @Test
  void theChildPollsAcrossContinueAsNewUntilTheServiceAnswers() {
    FlakyService service = new FlakyService(25);
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      env.newWorker("pollingSampleQueue")
          .registerWorkflow(PollingWorkflow.class, PeriodicPollingWorkflowImpl::new)
          .registerWorkflow(PollingChildWorkflow.class, PeriodicPollingChildWorkflowImpl::new)
          .registerActivities(new PeriodicPollingActivityImpl(service));
      env.start();

      PollingWorkflow workflow =
          env.client()
              .newWorkflowStub(
                  PollingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("PeriodicPollingSampleWorkflow")
                      .taskQueue("pollingSampleQueue")
                      .build());

      assertThat(workflow.exec()).isEqualTo("OK");
      assertThat(service.calls()).isEqualTo(25);
    }
  }
}
