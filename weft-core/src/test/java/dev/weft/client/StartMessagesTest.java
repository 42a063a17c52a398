package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeType;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a refused start says: the run that holds the ID and the policy that decided; lists. */
@Tag("engine")
public class StartMessagesTest {

  @WorkflowInterface
  public interface Gate {
    @WorkflowMethod
    String pass(boolean wait);

    @SignalMethod
    void open();
  }

  public static class GateImpl implements Gate {
    private boolean open;

    @Override
    public String pass(boolean wait) {
      Workflow.await(() -> open || !wait);
      return "passed";
    }

    @Override
    public void open() {
      open = true;
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b -> b.registerSearchAttribute("Tag", SearchAttributeType.KEYWORD),
        e -> e.newWorker("gates").registerWorkflow(Gate.class, GateImpl::new));
  }

  private static WorkflowOptions.Builder options(String id) {
    return WorkflowOptions.newBuilder().taskQueue("gates").workflowId(id);
  }

  @Test
  void aSecondStartOfARunningWorkflowNamesTheConflictPolicy(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> running = f.client().start("Gate", options("order-1").build(), true);
      assertThatThrownBy(() -> f.client().start("Gate", options("order-1").build(), true))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessage(
              "workflow ID 'order-1' is already in use: run "
                  + running.runId()
                  + " is RUNNING, and WorkflowIdConflictPolicy.FAIL refuses a second start; use"
                  + " WorkflowIdConflictPolicy.USE_EXISTING to get the running run instead,"
                  + " TERMINATE_EXISTING to replace it, or another workflow ID");
    }
  }

  @Test
  void aStartAfterAClosedRunNamesTheReusePolicy(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions once =
          options("order-2").idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      WorkflowHandle<Object> first = f.client().start("Gate", once, false);
      first.getResult();
      assertThatThrownBy(() -> f.client().start("Gate", once, false))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessage(
              "workflow ID 'order-2' is already in use: run "
                  + first.runId()
                  + " closed as COMPLETED, and WorkflowIdReusePolicy.REJECT_DUPLICATE refuses a"
                  + " new run of an ID that had a run; use another workflow ID, or"
                  + " WorkflowIdReusePolicy.ALLOW_DUPLICATE");

      WorkflowOptions failedOnly =
          options("order-3")
              .idReusePolicy(WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY)
              .build();
      f.client().start("Gate", failedOnly, false).getResult();
      assertThatThrownBy(() -> f.client().start("Gate", failedOnly, false))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("closed as COMPLETED")
          .hasMessageContaining(
              "WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY allows a new run only after runs"
                  + " that did not complete");
    }
  }

  @Test
  void aSignalWithStartOfAClosedIdNamesTheReusePolicy(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions once =
          options("order-4").idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      f.client().signalWithStart("Gate", once, new Object[] {true}, "open").getResult();
      assertThatThrownBy(
              () -> f.client().signalWithStart("Gate", once, new Object[] {true}, "open"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("WorkflowIdReusePolicy.REJECT_DUPLICATE refuses");
    }
  }

  @Test
  void aListGivenToAScalarSearchAttributePrintsAsAList(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions tagged = options("order-5").searchAttribute("Tag", List.of("a", "b")).build();
      assertThatThrownBy(() -> f.client().start("Gate", tagged, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the value [a, b] (a list) does not fit it")
          .hasMessageNotContaining("ListN")
          .hasMessageNotContaining("ImmutableCollections");
      WorkflowOptions array =
          options("order-6").searchAttribute("Tag", new String[] {"c", "d"}).build();
      assertThatThrownBy(() -> f.client().start("Gate", array, false))
          .hasMessageContaining("the value [c, d] (a list) does not fit it");
    }
  }
}
