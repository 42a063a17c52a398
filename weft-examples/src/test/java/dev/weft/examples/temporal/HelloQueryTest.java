package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloQuery}: a query method reads the workflow's state while it sleeps.
 * Same answers: "Hello World!" before the timer, "Bye World!" after it. A query issued right after
 * the start sees the first workflow task's effect: queries wait for a pending workflow task.
 */
class HelloQueryTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    void createGreeting(String name);

    @QueryMethod
    String queryGreeting();
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private String greeting;

    @Override
    public void createGreeting(String name) {
      greeting = "Hello " + name + "!";
      Workflow.sleep(Duration.ofSeconds(2));
      greeting = "Bye " + name + "!";
    }

    @Override
    public String queryGreeting() {
      return greeting;
    }
  }

  @Test
  void queriesReadTheStateBetweenSteps() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloQueryTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.start();

      GreetingWorkflow workflow = sample.newWorkflow(GreetingWorkflow.class, "HelloQueryWorkflow");
      sample.client().start(workflow::createGreeting, "World");

      assertThat(workflow.queryGreeting()).isEqualTo("Hello World!");
      sample.env.sleep(Duration.ofSeconds(3));
      assertThat(workflow.queryGreeting()).isEqualTo("Bye World!");
    }
  }
}
