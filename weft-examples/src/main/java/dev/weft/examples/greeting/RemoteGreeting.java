package dev.weft.examples.greeting;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/** Asks the remote queue for the greeting, retrying a failed attempt a few times. */
public final class RemoteGreeting implements GreetingWorkflow {
  private final GreetingActivities activities =
      Workflow.newActivityStub(
          GreetingActivities.class,
          ActivityOptions.newBuilder()
              .taskQueue(REMOTE_QUEUE)
              .startToCloseTimeout(Duration.ofMinutes(1))
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .initialInterval(Duration.ofMillis(100))
                      .maximumAttempts(5)
                      .nonRetryableErrorTypes("UnknownLanguage")
                      .build())
              .build());

  @Override
  public String greet(String name, String language) {
    return activities.formatGreeting(name, language)
        + " (from "
        + Workflow.getInfo().workflowId()
        + ")";
  }
}
