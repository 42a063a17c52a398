package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.client.WorkflowHandle;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloAwait}: {@code Workflow.await(timeout, condition)} waits for a
 * signal up to a deadline. Same results: the greeting when the signal comes in time, a failure that
 * says it timed out when it does not.
 */
class HelloAwaitTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting();

    @SignalMethod
    void waitForName(String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private String name;

    @Override
    public String getGreeting() {
      boolean ok = Workflow.await(Duration.ofSeconds(10), () -> name != null);
      if (ok) {
        return "Hello " + name + "!";
      }
      throw ApplicationFailure.newNonRetryableFailure(
          "WaitForName signal is not received within 10 seconds.", "signal-timeout");
    }

    @Override
    public void waitForName(String name) {
      this.name = name;
    }
  }

  @Test
  void theSignalArrivesInTime() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloAwaitTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.start();

      GreetingWorkflow workflow = sample.newWorkflow(GreetingWorkflow.class, "HelloAwaitWorkflow");
      WorkflowHandle<String> handle = sample.client().start(workflow::getGreeting);
      workflow.waitForName("World");

      assertThat(handle.getResult()).isEqualTo("Hello World!");
    }
  }

  @Test
  void theDeadlinePassesWithoutASignal() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloAwaitTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloAwaitTimeoutWorkflow");
      WorkflowFailedException failed =
          catchThrowableOfType(WorkflowFailedException.class, workflow::getGreeting);

      assertThat(failed.getCause())
          .isInstanceOf(ApplicationFailure.class)
          .hasMessageContaining("not received within 10 seconds");
    }
  }
}
