package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ChildWorkflowClosed;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.EventAttributes.WorkflowTerminated;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child workflows: results, typed failures, ID collisions, parent-close policies, cancellation. */
@Tag("engine")
public class ChildWorkflowTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @WorkflowInterface
  public interface Child {
    /** "ok": returns the input in upper case; "fail": fails; "wait": waits until cancelled. */
    @WorkflowMethod
    String work(String input, String mode);
  }

  public static class ChildImpl implements Child {
    @Override
    public String work(String input, String mode) {
      switch (mode) {
        case "fail" ->
            throw ApplicationFailure.newFailure("cannot work on " + input, "ChildBroken");
        case "wait" -> Workflow.await(() -> false);
        case "continue" -> Workflow.continueAsNew(input + "+", "ok");
        default -> {}
      }
      return input.toUpperCase();
    }
  }

  @WorkflowInterface
  public interface Parent {
    @WorkflowMethod
    String run(String mode, String childId);
  }

  public static class ParentImpl implements Parent {
    private static Child child(String id, ParentClosePolicy policy) {
      return Workflow.newChildWorkflowStub(
          Child.class,
          ChildWorkflowOptions.newBuilder().workflowId(id).parentClosePolicy(policy).build());
    }

    @Override
    public String run(String mode, String childId) {
      switch (mode) {
        case "result" -> {
          return "child said " + child(childId, ParentClosePolicy.TERMINATE).work("hello", "ok");
        }
        case "continue" -> {
          return child(childId, ParentClosePolicy.TERMINATE).work("a", "continue");
        }
        case "fail" -> {
          try {
            child(childId, ParentClosePolicy.TERMINATE).work("order-7", "fail");
            return "no failure";
          } catch (ChildWorkflowFailure e) {
            ApplicationFailure cause = (ApplicationFailure) e.getCause();
            return e.getWorkflowId()
                + " failed: "
                + cause.getType()
                + ": "
                + cause.getOriginalMessage();
          }
        }
        case "collision" -> {
          Child first = child(childId, ParentClosePolicy.ABANDON);
          Workflow.async(() -> first.work("first", "wait"));
          Workflow.sleep(Duration.ofMillis(100)); // the first child starts in this task
          try {
            child(childId, ParentClosePolicy.ABANDON).work("second", "ok");
            return "second child started";
          } catch (ChildWorkflowFailure e) {
            return ((ApplicationFailure) e.getCause()).getType() + ": " + e.getCause().getMessage();
          }
        }
        case "collision-same-task" -> {
          Child first = child(childId, ParentClosePolicy.ABANDON);
          Child second = child(childId, ParentClosePolicy.ABANDON);
          Workflow.async(() -> first.work("first", "wait"));
          Promise<String> other = Workflow.async(() -> second.work("second", "ok"));
          try {
            return other.get();
          } catch (ChildWorkflowFailure e) {
            return ((ApplicationFailure) e.getCause()).getType() + ": " + e.getCause().getMessage();
          }
        }
        case "TERMINATE", "REQUEST_CANCEL", "ABANDON" -> {
          Child c = child(childId, ParentClosePolicy.valueOf(mode));
          Workflow.async(() -> c.work("left behind", "wait"));
          Workflow.sleep(Duration.ofMillis(200));
          return "parent done";
        }
        case "cancel-scope" -> {
          Child c = child(childId, ParentClosePolicy.ABANDON);
          Promise<String>[] result = new Promise[1];
          CancellationScope scope =
              Workflow.newCancellationScope(
                  () -> result[0] = Workflow.async(() -> c.work("x", "wait")));
          scope.run();
          Workflow.sleep(Duration.ofMillis(200));
          scope.cancel("no longer needed");
          try {
            return result[0].get();
          } catch (ChildWorkflowFailure e) {
            return "cancelled: " + (e.getCause() instanceof CanceledFailure);
          }
        }
        case "wait-for-child" -> {
          return child(childId, ParentClosePolicy.TERMINATE).work("x", "wait");
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
                .registerWorkflow(Parent.class, ParentImpl::new)
                .registerWorkflow(Child.class, ChildImpl::new));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String mode, String childId) {
    return f.client()
        .start(
            "Parent",
            WorkflowOptions.newBuilder()
                .workflowId("parent-" + childId)
                .taskQueue("family")
                .build(),
            mode,
            childId);
  }

  private static <T> List<T> events(WorkflowHandle<?> h, Class<T> type) {
    return h.fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static WorkflowStatus statusOf(EngineFixture f, String workflowId) {
    return f.client().getHandle(workflowId).describe().status();
  }

  @Test
  void theParentAwaitsTheChildsResult(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "result", "kid-1");

      assertThat(parent.getResult(String.class)).isEqualTo("child said HELLO");
      Histories.record("child-workflow-result", parent);

      StartChildWorkflowInitiated started =
          events(parent, StartChildWorkflowInitiated.class).get(0);
      assertThat(started.workflowId()).isEqualTo("kid-1");
      assertThat(started.runId()).isNotNull();
      WorkflowHandle<Object> child = f.client().getHandle("kid-1", started.runId());
      assertThat(child.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      WorkflowStarted childStart = events(child, WorkflowStarted.class).get(0);
      assertThat(childStart.parent().workflowId()).isEqualTo("parent-kid-1");
      assertThat(childStart.parent().seq()).isEqualTo(started.seq());
      assertThat(events(parent, ChildWorkflowClosed.class))
          .singleElement()
          .satisfies(c -> assertThat(c.status()).isEqualTo("COMPLETED"));
    }
  }

  @Test
  void aChildThatContinuesAsNewReportsItsFinalResult(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThat(start(f, "continue", "kid-can").getResult(String.class)).isEqualTo("A+");
    }
  }

  @Test
  void aChildsFailureReachesTheParentTyped(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "fail", "kid-fail");

      assertThat(parent.getResult(String.class))
          .isEqualTo("kid-fail failed: ChildBroken: cannot work on order-7");
      Histories.record("child-workflow-failed", parent);
      assertThat(statusOf(f, "kid-fail")).isEqualTo(WorkflowStatus.FAILED);
    }
  }

  @Test
  void aChildWhoseIdIsTakenFailsWithATypedErrorAndStartsNothing(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "collision", "kid-dup");

      assertThat(parent.getResult(String.class))
          .startsWith("WorkflowAlreadyStarted: workflow ID 'kid-dup' is taken: run ")
          .endsWith(" is RUNNING");
      Histories.record("child-workflow-id-taken", parent);
      assertThat(
              f.client()
                  .countWorkflows(dev.weft.client.WorkflowFilter.all().withWorkflowId("kid-dup")))
          .isEqualTo(1);
      assertThat(statusOf(f, "kid-dup")).isEqualTo(WorkflowStatus.RUNNING);
    }
  }

  @Test
  void twoChildrenWithOneIdInOneWorkflowTaskStartOnlyTheFirst(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "collision-same-task", "kid-twin");

      assertThat(parent.getResult(String.class))
          .startsWith("WorkflowAlreadyStarted: workflow ID 'kid-twin' is taken: run ")
          .endsWith(" is RUNNING (started by the same workflow task)");
      assertThat(
              f.client()
                  .countWorkflows(dev.weft.client.WorkflowFilter.all().withWorkflowId("kid-twin")))
          .isEqualTo(1);
    }
  }

  @Test
  void policyTerminateEndsTheChildWhenTheParentCloses(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      start(f, "TERMINATE", "kid-t").getResult(String.class);

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> statusOf(f, "kid-t") == WorkflowStatus.TERMINATED);
      WorkflowHandle<Object> child = f.client().getHandle("kid-t");
      assertThat(events(child, WorkflowTerminated.class).get(0).reason())
          .contains("parent workflow 'parent-kid-t'")
          .contains("parent close policy TERMINATE");
    }
  }

  @Test
  void policyRequestCancelLetsTheChildCancelItself(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      start(f, "REQUEST_CANCEL", "kid-c").getResult(String.class);

      Awaitility.await().atMost(WAIT).until(() -> statusOf(f, "kid-c") == WorkflowStatus.CANCELED);
    }
  }

  @Test
  void policyAbandonLeavesTheChildRunning(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      start(f, "ABANDON", "kid-a").getResult(String.class);

      // A policy is applied by writes in the transaction that closed the parent: a termination
      // timer (TERMINATE), a cancel request with a workflow task (REQUEST_CANCEL). Once the store
      // holds no timer, inbox event or workflow task, any such write has been carried out.
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () -> {
                StoreStats stats = f.stats();
                return stats.timers() == 0
                    && stats.inboxEvents() == 0
                    && stats.workflowTasks() == 0;
              });
      assertThat(statusOf(f, "kid-a")).isEqualTo(WorkflowStatus.RUNNING);
      f.client().getHandle("kid-a").terminate("test over");
    }
  }

  @Test
  void cancellingTheScopeOfAChildCancelsTheChild(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "cancel-scope", "kid-scope");

      assertThat(parent.getResult(String.class)).isEqualTo("cancelled: true");
      Histories.record("child-workflow-cancelled", parent);
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> statusOf(f, "kid-scope") == WorkflowStatus.CANCELED);
      assertThat(events(parent, EventAttributes.ChildWorkflowCancelRequested.class)).hasSize(1);
    }
  }

  @Test
  void terminatingTheParentAppliesThePolicyToo(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> parent = start(f, "wait-for-child", "kid-orphan");
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  f.client()
                          .countWorkflows(
                              dev.weft.client.WorkflowFilter.all().withWorkflowId("kid-orphan"))
                      == 1);

      parent.terminate("operator stopped it");

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> statusOf(f, "kid-orphan") == WorkflowStatus.TERMINATED);
      assertThatThrownBy(() -> parent.getResult(String.class))
          .hasMessageContaining("operator stopped it");
    }
  }
}
