package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.UpdateValidatorMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Update-with-start: start the workflow if needed and run an update in one call (the early-return
 * pattern of Temporal's samples), the start and the update's admission in one transaction.
 */
@Tag("engine")
public class UpdateWithStartTest {

  @WorkflowInterface
  public interface Transaction {
    /** Initializes (the caller waits for that), then finishes later, after a signal. */
    @WorkflowMethod
    String process(String request);

    /** Returns as soon as the transaction is initialized: the early return. */
    @UpdateMethod
    String returnInitResult();

    @UpdateMethod
    int addFee(int cents);

    @UpdateValidatorMethod(updateName = "addFee")
    void validateFee(int cents);

    @SignalMethod
    void settle();
  }

  public static class TransactionImpl implements Transaction {
    private String init;
    private int fees;
    private boolean settled;

    @Override
    public String process(String request) {
      Workflow.sleep(Duration.ofMillis(10));
      init = "initialized " + request;
      Workflow.await(() -> settled);
      return "settled " + request + " with fees " + fees;
    }

    @Override
    public String returnInitResult() {
      Workflow.await(() -> init != null);
      return init;
    }

    @Override
    public int addFee(int cents) {
      fees += cents;
      return fees;
    }

    @Override
    public void validateFee(int cents) {
      if (cents < 0) {
        throw new IllegalArgumentException("a fee cannot be negative, was " + cents);
      }
    }

    @Override
    public void settle() {
      settled = true;
    }
  }

  private static final Consumer<WeftEngine> WORKERS =
      e -> e.newWorker("tx").registerWorkflow(Transaction.class, TransactionImpl::new);

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder()
        .taskQueue("tx")
        .workflowId(id)
        .idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING)
        .build();
  }

  private static List<String> types(WorkflowHandle<?> h) {
    return h.fetchHistory().events().stream().map(HistoryEvent::type).toList();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theUpdateReturnsEarlyWhileTheStartedWorkflowGoesOn(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, WORKERS)) {
      Transaction tx = f.client().newWorkflowStub(Transaction.class, options("tx-1"));
      WithStartWorkflowOperation<String> start =
          new WithStartWorkflowOperation<>(tx::process, "r1");

      String early = f.client().executeUpdateWithStart(tx::returnInitResult, start);

      assertThat(early).isEqualTo("initialized r1");
      WorkflowHandle<String> h = start.getHandle();
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      // the update was admitted with the start: the first workflow task saw both
      assertThat(types(h).subList(0, 3))
          .containsExactly("WorkflowStarted", "UpdateAccepted", "WorkflowTaskCompleted");
      tx.settle();
      assertThat(start.getResult()).isEqualTo("settled r1 with fees 0");
      assertThat(tx.process("ignored")).isEqualTo("settled r1 with fees 0");
      if (kind == TestStore.SQLITE) {
        Histories.record("update-with-start-early-return", h);
      }
    }
  }

  @Test
  void aRunningRunGetsTheUpdateAndNoSecondRunStarts(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(TestStore.SQLITE, dir, WORKERS)) {
      Transaction tx = f.client().newWorkflowStub(Transaction.class, options("tx-2"));
      WithStartWorkflowOperation<String> first =
          new WithStartWorkflowOperation<>(tx::process, "r2");
      assertThat(f.client().executeUpdateWithStart(() -> tx.addFee(5), first)).isEqualTo(5);

      Transaction again = f.client().newWorkflowStub(Transaction.class, options("tx-2"));
      WithStartWorkflowOperation<String> second =
          new WithStartWorkflowOperation<>(again::process, "other");
      assertThat(f.client().executeUpdateWithStart(() -> again.addFee(7), second)).isEqualTo(12);
      assertThat(
              f.client()
                  .executeUpdateWithStart(
                      "Transaction",
                      options("tx-2"),
                      new Object[] {"x"},
                      "addFee",
                      Integer.class,
                      1))
          .isEqualTo(13);

      assertThat(second.getHandle().runId()).isEqualTo(first.getHandle().runId());
      assertThat(f.client().countWorkflows(WorkflowFilter.all().withWorkflowId("tx-2")))
          .isEqualTo(1);
      again.settle();
      assertThat(second.getResult()).isEqualTo("settled r2 with fees 13");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRejectedUpdateLeavesTheStartedRunRunning(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, WORKERS)) {
      Transaction tx = f.client().newWorkflowStub(Transaction.class, options("tx-3"));
      WithStartWorkflowOperation<String> start =
          new WithStartWorkflowOperation<>(tx::process, "r3");

      assertThatThrownBy(() -> f.client().executeUpdateWithStart(() -> tx.addFee(-1), start))
          .isInstanceOf(UpdateRejectedException.class)
          .hasMessageContaining("a fee cannot be negative, was -1");

      WorkflowHandle<String> h = start.getHandle();
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(h.fetchHistory().events())
          .noneMatch(e -> e.attributes() instanceof EventAttributes.UpdateAccepted);
      assertThat(tx.addFee(2)).isEqualTo(2);
      tx.settle();
      assertThat(start.getResult()).isEqualTo("settled r3 with fees 2");
    }
  }

  @Test
  void badCallsAndRefusedStartsWriteNothing(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(TestStore.SQLITE, dir, WORKERS)) {
      WorkflowOptions failPolicy =
          WorkflowOptions.newBuilder().taskQueue("tx").workflowId("tx-4").build();
      Transaction strict = f.client().newWorkflowStub(Transaction.class, failPolicy);
      assertThatThrownBy(
              () ->
                  f.client()
                      .executeUpdateWithStart(
                          strict::returnInitResult,
                          new WithStartWorkflowOperation<>(strict::process, "r4")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("idConflictPolicy USE_EXISTING")
          .hasMessageContaining("was FAIL");
      assertThatThrownBy(() -> f.client().getHandle("tx-4"))
          .isInstanceOf(WorkflowNotFoundException.class);

      Transaction tx = f.client().newWorkflowStub(Transaction.class, options("tx-5"));
      WithStartWorkflowOperation<String> notAWorkflowMethod =
          new WithStartWorkflowOperation<>(tx::returnInitResult);
      assertThatThrownBy(
              () -> f.client().executeUpdateWithStart(tx::returnInitResult, notAWorkflowMethod))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must call the workflow method, not returnInitResult");
      assertThatThrownBy(notAWorkflowMethod::getHandle).isInstanceOf(IllegalStateException.class);

      WorkflowOptions once =
          options("tx-6").toBuilder().idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      Transaction oneShot = f.client().newWorkflowStub(Transaction.class, once);
      WithStartWorkflowOperation<String> first =
          new WithStartWorkflowOperation<>(oneShot::process, "r6");
      f.client().executeUpdateWithStart(() -> oneShot.addFee(1), first);
      oneShot.settle();
      first.getResult();
      Transaction late = f.client().newWorkflowStub(Transaction.class, once);
      assertThatThrownBy(
              () ->
                  f.client()
                      .executeUpdateWithStart(
                          () -> late.addFee(1),
                          new WithStartWorkflowOperation<>(late::process, "r7")))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("WorkflowIdReusePolicy.REJECT_DUPLICATE");
      assertThatThrownBy(() -> first.started(first.getHandle()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("serves one update-with-start call");
    }
  }
}
