package dev.weft.testing;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A workflow that greets through an activity, and a test double of the activity. */
final class Greetings {
  private Greetings() {}

  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String greet(String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String compose(String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String greet(String name) {
      Workflow.sleep(Duration.ofHours(1));
      return activities.compose(name);
    }
  }

  /** Records whom it greeted. */
  public static class RecordingGreetings implements GreetingActivities {
    final List<String> greeted = new CopyOnWriteArrayList<>();

    @Override
    public String compose(String name) {
      greeted.add(name);
      return "Hello, " + name;
    }
  }
}
