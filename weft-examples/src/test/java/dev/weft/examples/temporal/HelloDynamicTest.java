package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityOptions;
import dev.weft.activity.DynamicActivity;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.EncodedValues;
import dev.weft.workflow.ActivityStub;
import dev.weft.workflow.DynamicSignalHandler;
import dev.weft.workflow.DynamicWorkflow;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloDynamic}: one {@link DynamicWorkflow} implementation serves every
 * workflow type its queue has no typed implementation for, takes its signals through a {@link
 * DynamicSignalHandler}, and calls activities by type name, which one {@link DynamicActivity}
 * serves. The client starts two types by name with signal-with-start. Same results.
 */
class HelloDynamicTest {
  public static class DynamicGreetingWorkflowImpl implements DynamicWorkflow {
    private String name;

    @Override
    public Object execute(EncodedValues args) {
      String greeting = args.get(0, String.class);
      String type = Workflow.getInfo().workflowType();
      Workflow.registerListener(
          (DynamicSignalHandler)
              (signalName, signalArgs) -> name = signalArgs.get(0, String.class));
      ActivityStub activity =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      Workflow.await(() -> name != null);
      return activity.execute("DynamicACT", String.class, greeting, name, type);
    }
  }

  public static class DynamicGreetingActivityImpl implements DynamicActivity {
    @Override
    public Object execute(EncodedValues args) {
      return args.get(0, String.class)
          + " "
          + args.get(1, String.class)
          + " from: "
          + args.get(2, String.class)
          + ". Activity type: "
          + Activity.getInfo().activityType();
    }
  }

  @Test
  void oneImplementationServesWorkflowTypesKnownOnlyAtRunTime() {
    try (SampleEnvironment sample = new SampleEnvironment("dynamic-task-queue")) {
      sample.worker.registerWorkflowImplementationTypes(DynamicGreetingWorkflowImpl.class);
      sample.worker.registerActivities(new DynamicGreetingActivityImpl());
      sample.start();

      WorkflowHandle<Object> first =
          sample
              .client()
              .signalWithStart(
                  "DynamicWF",
                  WorkflowOptions.newBuilder()
                      .workflowId("dynamic_workflow")
                      .taskQueue("dynamic-task-queue")
                      .build(),
                  new Object[] {"Hello"},
                  "greetingSignal",
                  "John");
      WorkflowHandle<Object> second =
          sample
              .client()
              .signalWithStart(
                  "DynamicWF2",
                  WorkflowOptions.newBuilder()
                      .workflowId("dynamic_workflow2")
                      .taskQueue("dynamic-task-queue")
                      .build(),
                  new Object[] {"Hello"},
                  "greetingSignal2",
                  "Mary");

      assertThat(first.getResult(String.class))
          .isEqualTo("Hello John from: DynamicWF. Activity type: DynamicACT");
      assertThat(second.getResult(String.class))
          .isEqualTo("Hello Mary from: DynamicWF2. Activity type: DynamicACT");
    }
  }
}
