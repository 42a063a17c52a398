package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloParallelActivity}: one activity per input started at once, then
 * {@code Promise.allOf} waits for all of them; results come back in input order.
 */
class HelloParallelActivityTest {
  @WorkflowInterface
  public interface MultiGreetingWorkflow {
    @WorkflowMethod
    List<String> getGreetings(List<String> names);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(String greeting, String name);
  }

  public static class MultiGreetingWorkflowImpl implements MultiGreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public List<String> getGreetings(List<String> names) {
      List<Promise<String>> promises = new ArrayList<>();
      for (String name : names) {
        promises.add(Workflow.async(() -> activities.composeGreeting("Hello", name)));
      }
      Promise.allOf(promises).get();
      List<String> results = new ArrayList<>();
      for (Promise<String> promise : promises) {
        results.add(promise.get());
      }
      return results;
    }
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    @Override
    public String composeGreeting(String greeting, String name) {
      return greeting + " " + name + "!";
    }
  }

  @Test
  void greetsEveryoneInParallel() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloParallelActivityTaskQueue")) {
      sample.worker.registerWorkflow(MultiGreetingWorkflow.class, MultiGreetingWorkflowImpl::new);
      sample.worker.registerActivities(new GreetingActivitiesImpl());
      sample.start();

      MultiGreetingWorkflow workflow =
          sample.newWorkflow(MultiGreetingWorkflow.class, "HelloParallelActivityWorkflow");

      assertThat(workflow.getGreetings(List.of("John", "Mary", "Michael", "Janet")))
          .containsExactly("Hello John!", "Hello Mary!", "Hello Michael!", "Hello Janet!");
    }
  }
}
