package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloAsync} and {@code hello/HelloAsyncLambda}: start activities without
 * waiting ({@code Async.function} in Temporal, {@link Workflow#async} in Weft), then wait on the
 * promises. A lambda given to {@code async} may run several activities in sequence. Same results.
 */
class HelloAsyncTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String getGreeting();

    String composeGreeting(String greeting, String name);
  }

  static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build();

  /** HelloAsync: two activities in parallel, results joined. */
  public static class AsyncGreeting implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(GreetingActivities.class, OPTIONS);

    @Override
    public String getGreeting(String name) {
      Promise<String> hello = Workflow.async(() -> activities.composeGreeting("Hello", name));
      Promise<String> bye = Workflow.async(() -> activities.composeGreeting("Bye", name));
      return hello.get() + "\n" + bye.get();
    }
  }

  /** HelloAsyncLambda: one asynchronous block that calls two activities in sequence. */
  public static class AsyncLambdaGreeting implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(GreetingActivities.class, OPTIONS);

    @Override
    public String getGreeting(String name) {
      Promise<String> result =
          Workflow.async(
              () -> {
                String greeting = activities.getGreeting();
                return activities.composeGreeting(greeting, name);
              });
      return result.get();
    }
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    @Override
    public String getGreeting() {
      return "Hello";
    }

    @Override
    public String composeGreeting(String greeting, String name) {
      return greeting + " " + name + "!";
    }
  }

  @Test
  void parallelActivitiesThroughPromises() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloAsyncTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, AsyncGreeting::new);
      sample.worker.registerActivities(new GreetingActivitiesImpl());
      sample.start();

      GreetingWorkflow workflow = sample.newWorkflow(GreetingWorkflow.class, "HelloAsyncWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!\nBye World!");
    }
  }

  @Test
  void aLambdaRunsActivitiesInSequence() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloAsyncLambdaTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, AsyncLambdaGreeting::new);
      sample.worker.registerActivities(new GreetingActivitiesImpl());
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloAsyncLambdaWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!");
    }
  }
}
