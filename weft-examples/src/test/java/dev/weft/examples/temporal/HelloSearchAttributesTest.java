package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.SearchAttributeType;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloSearchAttributes}: a run starts with custom search attributes, the
 * workflow reads and upserts them, and the client sees them in the run's description and can filter
 * on them. Custom attributes are registered on the engine (on the namespace in Temporal).
 */
class HelloSearchAttributesTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    @Override
    public String getGreeting(String name) {
      Object before = Workflow.getSearchAttributes().get("CustomKeywordField");
      Workflow.upsertSearchAttributes(Map.of("CustomKeywordField", "attr2", "CustomIntField", 2L));
      return "Hello " + name + "! (CustomKeywordField was " + before + ")";
    }
  }

  @Test
  void attributesAreSetUpsertedAndSearchable() {
    Instant due = Instant.parse("2026-12-31T00:00:00Z");
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .engine(
                    b ->
                        b.registerSearchAttribute("CustomKeywordField", SearchAttributeType.KEYWORD)
                            .registerSearchAttribute("CustomIntField", SearchAttributeType.INT)
                            .registerSearchAttribute("CustomBoolField", SearchAttributeType.BOOL)
                            .registerSearchAttribute(
                                "CustomDoubleField", SearchAttributeType.DOUBLE)
                            .registerSearchAttribute(
                                "CustomDatetimeField", SearchAttributeType.DATETIME)))) {
      env.newWorker("HelloSearchAttributesTaskQueue")
          .registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      env.start();

      GreetingWorkflow workflow =
          env.client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("HelloSearchAttributesWorkflow")
                      .taskQueue("HelloSearchAttributesTaskQueue")
                      .searchAttribute("CustomKeywordField", "attr1")
                      .searchAttribute("CustomIntField", 1L)
                      .searchAttribute("CustomBoolField", true)
                      .searchAttribute("CustomDoubleField", 0.5)
                      .searchAttribute("CustomDatetimeField", due)
                      .build());
      WorkflowHandle<String> handle = env.client().start(workflow::getGreeting, "World");

      assertThat(handle.getResult()).isEqualTo("Hello World! (CustomKeywordField was attr1)");
      assertThat(handle.describe().searchAttributes())
          .containsEntry("CustomKeywordField", "attr2")
          .containsEntry("CustomIntField", 2L)
          .containsEntry("CustomBoolField", true)
          .containsEntry("CustomDoubleField", 0.5)
          .containsEntry("CustomDatetimeField", due);
      assertThat(
              env.client()
                  .countWorkflows(
                      WorkflowFilter.all()
                          .withQuery("CustomKeywordField = 'attr2' AND CustomIntField >= 2")))
          .isEqualTo(1);
    }
  }
}
