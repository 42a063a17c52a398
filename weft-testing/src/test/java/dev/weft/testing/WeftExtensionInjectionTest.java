package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.testing.Greetings.GreetingActivities;
import dev.weft.testing.Greetings.GreetingWorkflow;
import dev.weft.testing.Greetings.GreetingWorkflowImpl;
import dev.weft.testing.Greetings.RecordingGreetings;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension injects stubs, the environment's parts and the registered activity objects. */
class WeftExtensionInjectionTest {
  static final RecordingGreetings SHARED = new RecordingGreetings();

  @RegisterExtension
  static final WeftExtension weft =
      WeftExtension.newBuilder()
          .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
          .setActivityImplementations(SHARED)
          .setInitialTime(Instant.parse("2026-03-01T00:00:00Z"))
          .build();

  @Test
  void aWorkflowInterfaceParameterIsANewStubWithAFreshIdOnTheDefaultQueue(
      GreetingWorkflow first, GreetingWorkflow second, WeftClient client) {
    WorkflowHandle<String> a = client.start(first::greet, "Ada");
    WorkflowHandle<String> b = client.start(second::greet, "Grace");

    assertThat(a.getResult()).isEqualTo("Hello, Ada");
    assertThat(b.getResult()).isEqualTo("Hello, Grace");
    assertThat(a.workflowId()).isNotEqualTo(b.workflowId());
    assertThat(a.describe().taskQueue()).isEqualTo(WeftExtension.DEFAULT_TASK_QUEUE);
  }

  @Test
  void aStubsBlockingCallSkipsTime(GreetingWorkflow workflow, WeftTestEnvironment env) {
    assertThat(workflow.greet("Ada")).isEqualTo("Hello, Ada");
    assertThat(env.currentTime()).isAfterOrEqualTo(Instant.parse("2026-03-01T01:00:00Z"));
  }

  @Test
  void theRegisteredActivityObjectIsInjectedByItsClassOrItsInterface(
      RecordingGreetings byClass, GreetingActivities byInterface, GreetingWorkflow workflow) {
    assertThat(byClass).isSameAs(SHARED);
    assertThat(byInterface).isSameAs(SHARED);
    workflow.greet("Katherine");
    assertThat(byClass.greeted).contains("Katherine");
  }

  @Test
  void theEnvironmentItsClientEngineAndDefaultWorkerAreInjected(
      WeftTestEnvironment env, WeftClient client, WeftEngine engine, Worker worker) {
    assertThat(client).isSameAs(env.client());
    assertThat(engine).isSameAs(env.engine());
    assertThat(worker.taskQueue()).isEqualTo(WeftExtension.DEFAULT_TASK_QUEUE);
  }

  @Test
  void workflowOptionsOnTheDefaultQueueAreInjected(WorkflowOptions options, WeftClient client) {
    assertThat(options.taskQueue()).isEqualTo(WeftExtension.DEFAULT_TASK_QUEUE);
    assertThat(options.workflowId()).isNotBlank();
    GreetingWorkflow stub = client.newWorkflowStub(GreetingWorkflow.class, options);
    assertThat(client.start(stub::greet, "Ada").workflowId()).isEqualTo(options.workflowId());
  }

  @Test
  void theInitialTimeIsTheBuildersByDefault(WeftTestEnvironment env) {
    assertThat(env.currentTime())
        .isBetween(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T00:01:00Z"));
  }

  @Test
  @WorkflowInitialTime("2030-06-01T12:00:00Z")
  void anAnnotationSetsOneTestsInitialTime(WeftTestEnvironment env) {
    assertThat(env.currentTime())
        .isBetween(Instant.parse("2030-06-01T12:00:00Z"), Instant.parse("2030-06-01T12:01:00Z"));
  }

  @Test
  void eachTestGetsItsOwnEnvironment(WeftClient client) {
    assertThat(client.countWorkflows(dev.weft.client.WorkflowFilter.all())).isZero();
  }
}
