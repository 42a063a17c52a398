package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowHandle;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloSignal}: a workflow waits for signals, greets each name it receives,
 * and ends on an exit signal. Same result: the greetings in the order the signals came.
 */
class HelloSignalTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    List<String> getGreetings();

    @SignalMethod
    void waitForName(String name);

    @SignalMethod
    void exit();
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final Queue<String> messageQueue = new ArrayDeque<>();
    private final List<String> receivedMessages = new ArrayList<>();
    private boolean exit;

    @Override
    public List<String> getGreetings() {
      while (true) {
        Workflow.await(() -> !messageQueue.isEmpty() || exit);
        if (messageQueue.isEmpty() && exit) {
          return receivedMessages;
        }
        receivedMessages.add("Hello " + messageQueue.poll() + "!");
      }
    }

    @Override
    public void waitForName(String name) {
      messageQueue.add(name);
    }

    @Override
    public void exit() {
      exit = true;
    }
  }

  @Test
  void greetsEachSignalledName() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloSignalTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.start();

      GreetingWorkflow workflow = sample.newWorkflow(GreetingWorkflow.class, "HelloSignalWorkflow");
      WorkflowHandle<List<String>> handle = sample.client().start(workflow::getGreetings);
      workflow.waitForName("World");
      workflow.waitForName("Universe");
      workflow.exit();

      assertThat(handle.getResult()).containsExactly("Hello World!", "Hello Universe!");
    }
  }
}
