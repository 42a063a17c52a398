package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloPolymorphicActivity}: two activity interfaces share a method through
 * a common base interface; {@code namePrefix} keeps their activity types apart ({@code
 * HelloComposeGreeting}, {@code ByeComposeGreeting}). Same result: "Hello World!\nBye World!".
 */
class HelloPolymorphicActivityTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  /** The shared method; not an activity interface itself. */
  public interface GreetingActivity {
    String composeGreeting(String name);
  }

  @ActivityInterface(namePrefix = "Hello")
  public interface HelloActivity extends GreetingActivity {
    @Override
    String composeGreeting(String name);
  }

  @ActivityInterface(namePrefix = "Bye")
  public interface ByeActivity extends GreetingActivity {
    @Override
    String composeGreeting(String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivity[] activities = {
      Workflow.newActivityStub(HelloActivity.class, options()),
      Workflow.newActivityStub(ByeActivity.class, options())
    };

    private static ActivityOptions options() {
      return ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public String getGreeting(String name) {
      StringBuilder result = new StringBuilder();
      for (GreetingActivity activity : activities) {
        result.append(activity.composeGreeting(name)).append('\n');
      }
      return result.toString();
    }
  }

  static class HelloActivityImpl implements HelloActivity {
    @Override
    public String composeGreeting(String name) {
      return "Hello " + name + "!";
    }
  }

  static class ByeActivityImpl implements ByeActivity {
    @Override
    public String composeGreeting(String name) {
      return "Bye " + name + "!";
    }
  }

  @Test
  void prefixesKeepTheActivityTypesApart() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloPolymorphicActivityTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerActivities(new HelloActivityImpl());
      sample.worker.registerActivities(new ByeActivityImpl());
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloPolymorphicActivityWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!\nBye World!\n");
    }
  }
}
