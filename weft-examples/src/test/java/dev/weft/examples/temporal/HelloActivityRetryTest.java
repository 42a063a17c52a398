package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloActivityRetry}: an activity fails its first attempts and the retry
 * policy runs it again until it succeeds; an exception type named non-retryable is never retried.
 * Same result on Weft: "Hello World!" on the fourth attempt.
 */
class HelloActivityRetryTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(String greeting, String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder()
                .scheduleToCloseTimeout(Duration.ofSeconds(10))
                .retryPolicy(
                    RetryPolicy.newBuilder()
                        .initialInterval(Duration.ofSeconds(1))
                        .nonRetryableErrorTypes(IllegalArgumentException.class.getName())
                        .build())
                .build());

    @Override
    public String getGreeting(String name) {
      return activities.composeGreeting("Hello", name);
    }
  }

  /** Fails with an {@link IllegalStateException} until its fourth attempt. */
  static class GreetingActivitiesImpl implements GreetingActivities {
    final AtomicInteger calls = new AtomicInteger();
    volatile int lastAttempt;

    @Override
    public String composeGreeting(String greeting, String name) {
      lastAttempt = Activity.getInfo().attempt();
      if (calls.incrementAndGet() < 4) {
        throw new IllegalStateException("not yet");
      }
      return greeting + " " + name + "!";
    }
  }

  @Test
  void retriesUntilTheActivitySucceeds() {
    GreetingActivitiesImpl activities = new GreetingActivitiesImpl();
    try (SampleEnvironment sample = new SampleEnvironment("HelloActivityRetryTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloActivityRetryWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!");
      assertThat(activities.calls).hasValue(4);
      assertThat(activities.lastAttempt).isEqualTo(4);
    }
  }
}
