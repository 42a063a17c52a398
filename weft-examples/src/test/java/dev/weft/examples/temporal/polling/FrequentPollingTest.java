package dev.weft.examples.temporal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowOptions;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code polling/frequent}: for polls a second or less apart, one long activity attempt
 * loops, heartbeating between polls so a dead worker is noticed within the heartbeat timeout (2 s)
 * while the attempt runs much longer. The sample's cadence (a poll and a heartbeat every second
 * against a 2 s heartbeat timeout) must keep the attempt alive: it returns "OK" from its first
 * attempt, in real time.
 */
class FrequentPollingTest {
  public static class FrequentPollingWorkflowImpl implements PollingWorkflow {
    private final PollingActivities activities =
        Workflow.newActivityStub(
            PollingActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(Duration.ofSeconds(60))
                .heartbeatTimeout(Duration.ofSeconds(2))
                .build());

    @Override
    public String exec() {
      return activities.doPoll();
    }
  }

  /** Polls every second within one attempt, heartbeating between polls. */
  static final class FrequentPollingActivityImpl implements PollingActivities {
    private final FlakyService service;
    volatile int attempt;

    FrequentPollingActivityImpl(FlakyService service) {
      this.service = service;
    }

    @Override
    public String doPoll() {
      attempt = Activity.getInfo().attempt();
      while (true) {
        try {
          return service.getServiceResult();
        } catch (FlakyService.ServiceDownException e) {
          // the service is down: poll again after a heartbeat
        }
        Activity.heartbeat(null);
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while polling", e);
        }
      }
    }
  }

  @Test
  void oneAttemptPollsUntilTheServiceAnswers() {
    FlakyService service = new FlakyService(5);
    FrequentPollingActivityImpl activities = new FrequentPollingActivityImpl(service);
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(false))) {
      env.newWorker("pollingSampleQueue")
          .registerWorkflow(PollingWorkflow.class, FrequentPollingWorkflowImpl::new)
          .registerActivities(activities);
      env.start();

      PollingWorkflow workflow =
          env.client()
              .newWorkflowStub(
                  PollingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("FrequentPollingSampleWorkflow")
                      .taskQueue("pollingSampleQueue")
                      .build());

      assertThat(workflow.exec()).isEqualTo("OK");
      assertThat(service.calls()).isEqualTo(5);
      assertThat(activities.attempt).isEqualTo(1);
    }
  }
}
