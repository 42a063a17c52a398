package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WeftClient;
import dev.weft.testing.Greetings.GreetingWorkflow;
import dev.weft.testing.Greetings.GreetingWorkflowImpl;
import dev.weft.testing.Greetings.RecordingGreetings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Constructor parameters are injected from the same environment as the test method's parameters,
 * and an activity registered with a supplier is a fresh object in each test.
 */
class WeftExtensionConstructorInjectionTest {
  @RegisterExtension
  static final WeftExtension weft =
      WeftExtension.newBuilder()
          .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
          .registerActivities(WeftExtension.DEFAULT_TASK_QUEUE, RecordingGreetings::new)
          .build();

  private final WeftClient client;
  private final GreetingWorkflow workflow;
  private final RecordingGreetings activities;

  WeftExtensionConstructorInjectionTest(
      WeftClient client, GreetingWorkflow workflow, RecordingGreetings activities) {
    this.client = client;
    this.workflow = workflow;
    this.activities = activities;
  }

  @Test
  void theConstructorsParametersComeFromTheTestsEnvironment(
      WeftTestEnvironment env, RecordingGreetings sameActivities) {
    assertThat(client).isSameAs(env.client());
    assertThat(sameActivities).isSameAs(activities);
    assertThat(workflow.greet("Ada")).isEqualTo("Hello, Ada");
    assertThat(activities.greeted).containsExactly("Ada");
  }

  @Test
  void aSuppliedActivityIsFreshInEachTest() {
    assertThat(activities.greeted).isEmpty();
    assertThat(workflow.greet("Grace")).isEqualTo("Hello, Grace");
    assertThat(activities.greeted).containsExactly("Grace");
  }
}
