package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child workflows started by type name through {@link ChildWorkflowStub}. */
@Tag("engine")
public class UntypedChildWorkflowTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @WorkflowInterface
  public interface UntypedParent {
    @WorkflowMethod
    String run(String mode);
  }

  public static class UntypedParentImpl implements UntypedParent {
    @Override
    public String run(String mode) {
      ChildWorkflowStub child =
          Workflow.newUntypedChildWorkflowStub(
              "Child",
              ChildWorkflowOptions.newBuilder().workflowId("untyped-child-" + mode).build());
      switch (mode) {
        case "result" -> {
          Promise<String> result = child.executeAsync(String.class, "hello", "ok");
          String again;
          try {
            child.execute(String.class, "twice", "ok");
            again = "started twice";
          } catch (IllegalStateException e) {
            again = e.getMessage();
          }
          return result.get() + " | " + again;
        }
        case "fail" -> {
          try {
            return child.execute(String.class, "order-7", "fail");
          } catch (ChildWorkflowFailure e) {
            return "failed: " + e.getWorkflowType() + " " + e.getWorkflowId();
          }
        }
        case "blank" -> {
          try {
            Workflow.newUntypedChildWorkflowStub(" ");
            return "accepted a blank type";
          } catch (IllegalArgumentException e) {
            return e.getMessage();
          }
        }
        default -> throw new IllegalArgumentException(mode);
      }
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("family")
                .registerWorkflow(UntypedParent.class, UntypedParentImpl::new)
                .registerWorkflow(ChildWorkflowTest.Child.class, ChildWorkflowTest.ChildImpl::new));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String mode) {
    return f.client()
        .start(
            "UntypedParent",
            WorkflowOptions.newBuilder()
                .workflowId("untyped-parent-" + mode)
                .taskQueue("family")
                .build(),
            mode);
  }

  @Test
  void aChildStartedByTypeNameReturnsItsResultAndTheStubStartsOnlyOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "result");

      assertThat(parent.getResult(WAIT))
          .isEqualTo(
              "HELLO | this stub already started child workflow 'Child': make a new stub with"
                  + " Workflow.newUntypedChildWorkflowStub for another child");
      assertThat(f.client().getHandle("untyped-child-result").getResult(WAIT)).isEqualTo("HELLO");
      Histories.record("untyped-child-workflow", parent);
    }
  }

  @Test
  void aFailedChildThrowsChildWorkflowFailure(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThat(start(f, "fail").getResult(WAIT)).isEqualTo("failed: Child untyped-child-fail");
    }
  }

  @Test
  void aBlankTypeIsRefused(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThat(start(f, "blank").getResult(WAIT))
          .isEqualTo("a child workflow stub needs a workflow type, was blank");
    }
  }
}
