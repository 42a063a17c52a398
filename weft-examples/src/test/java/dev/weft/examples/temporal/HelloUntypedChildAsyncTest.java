package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.ChildWorkflowStub;
import dev.weft.workflow.ParentClosePolicy;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloUntypedChildAsync}: the parent starts a child by type name with the
 * ABANDON parent-close policy, returns the child's workflow ID without waiting for its result, and
 * the client then reads the child's result. The Temporal sample waits for the child to have started
 * ({@code Workflow.getWorkflowExecution(child).get()}) before returning; Weft needs no such wait:
 * the child's start is written in the same transaction as the parent's workflow task, so a parent
 * that completes in that task still leaves a started child behind.
 */
class HelloUntypedChildAsyncTest {
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
      String childId = "greeting-child-of-" + Workflow.getInfo().workflowId();
      ChildWorkflowStub child =
          Workflow.newUntypedChildWorkflowStub(
              "GreetingChild",
              ChildWorkflowOptions.newBuilder()
                  .workflowId(childId)
                  .parentClosePolicy(ParentClosePolicy.ABANDON)
                  .build());
      child.executeAsync(String.class, "Hello", name);
      return childId;
    }
  }

  public static class GreetingChildImpl implements GreetingChild {
    @Override
    public String composeGreeting(String greeting, String name) {
      Workflow.sleep(Duration.ofSeconds(2));
      return greeting + " " + name + "!";
    }
  }

  @Test
  void theAbandonedChildOutlivesItsParent() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloChildTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerWorkflow(GreetingChild.class, GreetingChildImpl::new);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloParentWithAbandonChildWorkflow");
      String childId = workflow.getGreeting("World");

      assertThat(childId).isEqualTo("greeting-child-of-HelloParentWithAbandonChildWorkflow");
      assertThat(sample.client().getHandle(childId).getResult(String.class))
          .isEqualTo("Hello World!");
    }
  }
}
