package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloException}: an activity throws a checked {@link IOException}
 * (through {@code Activity.wrap}); it reaches the client as {@code WorkflowFailedException} caused
 * by {@code ChildWorkflowFailure}, caused by {@code ActivityFailure}, caused by an {@code
 * ApplicationFailure} of type {@code java.io.IOException}. Same chain on Weft.
 */
class HelloExceptionTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @WorkflowInterface
  public interface GreetingChild {
    @WorkflowMethod
    String composeGreeting(String greeting, String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(String greeting, String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    @Override
    public String getGreeting(String name) {
      return Workflow.newChildWorkflowStub(GreetingChild.class).composeGreeting("Hello", name);
    }
  }

  public static class GreetingChildImpl implements GreetingChild {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(Duration.ofSeconds(10))
                .retryPolicy(
                    RetryPolicy.newBuilder()
                        .initialInterval(Duration.ofSeconds(1))
                        .maximumAttempts(2)
                        .build())
                .build());

    @Override
    public String composeGreeting(String greeting, String name) {
      return activities.composeGreeting(greeting, name);
    }
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    @Override
    public String composeGreeting(String greeting, String name) {
      try {
        throw new IOException(greeting + " " + name + "!");
      } catch (IOException e) {
        throw Activity.wrap(e);
      }
    }
  }

  @Test
  void theFailureChainNamesEachLayer() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloExceptionTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerWorkflow(GreetingChild.class, GreetingChildImpl::new);
      sample.worker.registerActivities(new GreetingActivitiesImpl());
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloExceptionWorkflow");
      WorkflowFailedException failed =
          catchThrowableOfType(WorkflowFailedException.class, () -> workflow.getGreeting("World"));

      assertThat(failed.getCause()).isInstanceOf(ChildWorkflowFailure.class);
      assertThat(failed.getCause().getCause()).isInstanceOf(ActivityFailure.class);
      assertThat(((ActivityFailure) failed.getCause().getCause()).getAttempt()).isEqualTo(2);
      ApplicationFailure cause = (ApplicationFailure) failed.getCause().getCause().getCause();
      assertThat(cause.getType()).isEqualTo("java.io.IOException");
      assertThat(cause.getMessage()).contains("Hello World!");
    }
  }
}
