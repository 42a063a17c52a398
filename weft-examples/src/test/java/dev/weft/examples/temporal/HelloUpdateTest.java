package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.UpdateValidatorMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloUpdate}: an update handler changes the workflow's state and returns
 * a value to the caller; its validator rejects bad input before anything is recorded. Same results:
 * each update returns the count so far, an empty name is rejected, the workflow returns the
 * greetings.
 */
class HelloUpdateTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    List<String> getGreetings();

    @UpdateMethod
    int addGreeting(String name);

    @UpdateValidatorMethod(updateName = "addGreeting")
    void addGreetingValidator(String name);

    @SignalMethod
    void exit();
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final List<String> messages = new ArrayList<>();
    private boolean exit;

    @Override
    public List<String> getGreetings() {
      Workflow.await(() -> exit);
      return messages;
    }

    @Override
    public int addGreeting(String name) {
      messages.add("Hello " + name + "!");
      return messages.size();
    }

    @Override
    public void addGreetingValidator(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("name cannot be empty");
      }
    }

    @Override
    public void exit() {
      exit = true;
    }
  }

  @Test
  void updatesReturnValuesAndValidatorsReject() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloUpdateTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.start();

      GreetingWorkflow workflow = sample.newWorkflow(GreetingWorkflow.class, "HelloUpdateWorkflow");
      WorkflowHandle<List<String>> handle = sample.client().start(workflow::getGreetings);

      assertThat(workflow.addGreeting("World")).isEqualTo(1);
      assertThat(workflow.addGreeting("Universe")).isEqualTo(2);
      assertThatThrownBy(() -> workflow.addGreeting(""))
          .isInstanceOf(UpdateRejectedException.class)
          .hasMessageContaining("name cannot be empty");
      workflow.exit();

      assertThat(handle.getResult()).containsExactly("Hello World!", "Hello Universe!");
    }
  }
}
