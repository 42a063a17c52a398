package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloChild}: a parent workflow runs a child workflow through a typed
 * child stub and returns its result. Same result: "Hello World!".
 */
class HelloChildTest {
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

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    @Override
    public String getGreeting(String name) {
      GreetingChild child = Workflow.newChildWorkflowStub(GreetingChild.class);
      return child.composeGreeting("Hello", name);
    }
  }

  public static class GreetingChildImpl implements GreetingChild {
    @Override
    public String composeGreeting(String greeting, String name) {
      return greeting + " " + name + "!";
    }
  }

  @Test
  void theParentReturnsTheChildsResult() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloChildTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerWorkflow(GreetingChild.class, GreetingChildImpl::new);
      sample.start();

      GreetingWorkflow workflow = sample.newWorkflow(GreetingWorkflow.class, "HelloChildWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!");
    }
  }
}
