package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WeftClient;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloAsyncActivityCompletion}: an activity hands its task token to
 * another thread and returns without completing; that thread completes the activity later through
 * the client ({@code ActivityCompletionClient.complete} in Temporal, {@link
 * WeftClient#completeActivity} in Weft). Same result: "Hello World!".
 */
class HelloAsyncActivityCompletionTest {
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
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String getGreeting(String name) {
      return activities.composeGreeting("Hello", name);
    }
  }

  /** Completes each greeting from a thread of its own, through the client and the task token. */
  static class GreetingActivitiesImpl implements GreetingActivities {
    private final ExecutorService completions = Executors.newSingleThreadExecutor();
    private WeftClient client;

    void completeThrough(WeftClient client) {
      this.client = client;
    }

    @Override
    public String composeGreeting(String greeting, String name) {
      String taskToken = Activity.getInfo().taskToken();
      completions.execute(() -> client.completeActivity(taskToken, greeting + " " + name + "!"));
      Activity.doNotCompleteOnReturn();
      return "ignored: the activity completes from the other thread";
    }
  }

  @Test
  void anotherThreadCompletesTheActivity() {
    GreetingActivitiesImpl activities = new GreetingActivitiesImpl();
    // Real time: a completion from a thread the engine does not know about is not work in
    // progress, so a skipping clock could jump past the attempt's timeout before it lands.
    try (SampleEnvironment sample =
        new SampleEnvironment("HelloAsyncActivityCompletionTaskQueue", false)) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();
      activities.completeThrough(sample.client());

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloAsyncActivityCompletionWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!");
    } finally {
      activities.completions.shutdown();
    }
  }
}
