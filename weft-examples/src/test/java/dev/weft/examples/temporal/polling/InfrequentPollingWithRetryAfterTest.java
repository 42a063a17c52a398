package dev.weft.examples.temporal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ApplicationFailure;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code polling/infrequentwithretryafter}: each poll is one attempt, and when the
 * service says when to come back (a {@code Retry-After} of 1 to 3 minutes), the activity fails with
 * {@code ApplicationFailure.newFailureWithCauseAndDelay}, whose delay overrides the retry policy's
 * backoff. Same behaviour: the attempts come exactly that far apart, and the workflow returns "OK"
 * on the fifth.
 */
class InfrequentPollingWithRetryAfterTest {
  public static class RetryAfterPollingWorkflowImpl implements PollingWorkflow {
    private final PollingActivities activities =
        Workflow.newActivityStub(
            PollingActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.newBuilder().backoffCoefficient(1).build())
                .build());

    @Override
    public String exec() {
      return activities.doPoll();
    }
  }

  /** The service asks for 1, 2, 3, 1 minutes between the failing calls; the fifth answers. */
  static final class RetryAfterActivityImpl implements PollingActivities {
    final List<Instant> attempts = new CopyOnWriteArrayList<>();
    private final WeftTestEnvironment env;

    RetryAfterActivityImpl(WeftTestEnvironment env) {
      this.env = env;
    }

    @Override
    public String doPoll() {
      attempts.add(env.currentTime());
      int attempt = Activity.getInfo().attempt();
      if (attempt == 5) {
        return "OK";
      }
      int retryAfterMinutes = (attempt - 1) % 3 + 1;
      throw ApplicationFailure.newFailureWithCauseAndDelay(
          "Service is down",
          "ServiceDown",
          new IllegalStateException("retry after " + retryAfterMinutes + " minutes"),
          Duration.ofMinutes(retryAfterMinutes));
    }
  }

  @Test
  void eachRetryWaitsWhatTheServiceAskedFor() {
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      RetryAfterActivityImpl activities = new RetryAfterActivityImpl(env);
      env.newWorker("pollingSampleQueue")
          .registerWorkflow(PollingWorkflow.class, RetryAfterPollingWorkflowImpl::new)
          .registerActivities(activities);
      env.start();

      PollingWorkflow workflow =
          env.client()
              .newWorkflowStub(
                  PollingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("InfrequentPollingWithRetryAfterWorkflow")
                      .taskQueue("pollingSampleQueue")
                      .build());

      assertThat(workflow.exec()).isEqualTo("OK");
      assertThat(activities.attempts).hasSize(5);
      int[] minutes = {1, 2, 3, 1};
      for (int i = 0; i < minutes.length; i++) {
        assertThat(Duration.between(activities.attempts.get(i), activities.attempts.get(i + 1)))
            .isBetween(
                Duration.ofMinutes(minutes[i]), Duration.ofMinutes(minutes[i]).plusSeconds(5));
      }
    }
  }
}
