package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.Worker;
import dev.weft.testing.Greetings.GreetingWorkflow;
import dev.weft.testing.Greetings.GreetingWorkflowImpl;
import dev.weft.testing.Greetings.RecordingGreetings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With setDoNotStart a test registers more on the injected worker, then starts the engine. */
class WeftExtensionDoNotStartTest {
  @RegisterExtension
  static final WeftExtension weft =
      WeftExtension.newBuilder()
          .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @Test
  void aTestRegistersOnTheWorkerAndStarts(
      Worker worker, WeftTestEnvironment env, GreetingWorkflow workflow) {
    RecordingGreetings activities = new RecordingGreetings();
    worker.registerActivities(activities);
    env.start();

    assertThat(workflow.greet("Ada")).isEqualTo("Hello, Ada");
    assertThat(activities.greeted).containsExactly("Ada");
  }
}
