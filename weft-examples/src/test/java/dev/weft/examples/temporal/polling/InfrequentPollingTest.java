package dev.weft.examples.temporal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code polling/infrequent}: for polls a minute or more apart, each poll is one
 * activity attempt and the retry policy is the poll interval (every 60 s, backoff coefficient 1).
 * The service answers on its fifth call, so the workflow returns "OK" after four minutes of
 * workflow time; the test environment skips them.
 */
class InfrequentPollingTest {
  public static class InfrequentPollingWorkflowImpl implements PollingWorkflow {
    private final PollingActivities activities =
        Workflow.newActivityStub(
            PollingActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(Duration.ofSeconds(2))
                .retryPolicy(
                    RetryPolicy.newBuilder()
                        .backoffCoefficient(1)
                        .initialInterval(Duration.ofSeconds(60))
                        .build())
                .build());

    @Override
    public String exec() {
      return activities.doPoll();
    }
  }

  /** One call of the service per attempt; a failure is a retry at the poll interval. */
  static final class InfrequentPollingActivityImpl implements PollingActivities {
    private final FlakyService service;
    volatile int attempt;

    InfrequentPollingActivityImpl(FlakyService service) {
      this.service = service;
    }

    @Override
    public String doPoll() {
      attempt = Activity.getInfo().attempt();
      try {
        return service.getServiceResult();
      } catch (FlakyService.ServiceDownException e) {
        throw Activity.wrap(e);
      }
    }
  }

  @Test
  void eachAttemptIsOnePollAMinuteApart() {
    FlakyService service = new FlakyService(5);
    InfrequentPollingActivityImpl activities = new InfrequentPollingActivityImpl(service);
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      env.newWorker("pollingSampleQueue")
          .registerWorkflow(PollingWorkflow.class, InfrequentPollingWorkflowImpl::new)
          .registerActivities(activities);
      env.start();
      Instant started = env.currentTime();

      PollingWorkflow workflow =
          env.client()
              .newWorkflowStub(
                  PollingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("InfrequentPollingSampleWorkflow")
                      .taskQueue("pollingSampleQueue")
                      .build());

      assertThat(workflow.exec()).isEqualTo("OK");
      assertThat(activities.attempt).isEqualTo(5);
      assertThat(Duration.between(started, env.currentTime()))
          .isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }
  }
}
