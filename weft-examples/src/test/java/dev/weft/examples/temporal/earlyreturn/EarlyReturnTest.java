package dev.weft.examples.temporal.earlyreturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WithStartWorkflowOperation;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.UpdateFailedException;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code earlyreturn} sample: update-with-start starts a transaction workflow and, in
 * the same call, an update that returns as soon as the transaction is initialised, while the
 * workflow goes on to complete it. Temporal's {@code WorkflowClient.updateWithStart(...,
 * UpdateWithStartWorkflowOperation)} is {@code WeftClient.executeUpdateWithStart(update,
 * WithStartWorkflowOperation)} here. Same results: the caller gets the transaction ID early, the
 * run's result later; an invalid amount fails the update and the run cancels the transaction.
 */
class EarlyReturnTest {
  static final String TASK_QUEUE = "EarlyReturnTaskQueue";

  public record TransactionRequest(String sourceAccount, String targetAccount, int amount) {}

  public record Transaction(String id, String sourceAccount, String targetAccount, int amount) {}

  public record TxResult(String transactionId, String status) {}

  @WorkflowInterface
  public interface TransactionWorkflow {
    @WorkflowMethod
    TxResult processTransaction(TransactionRequest txRequest);

    @UpdateMethod
    TxResult returnInitResult();
  }

  @ActivityInterface
  public interface TransactionActivities {
    Transaction initTransaction(TransactionRequest txRequest);

    void cancelTransaction(TransactionRequest txRequest);

    void completeTransaction(Transaction tx);
  }

  public static class TransactionWorkflowImpl implements TransactionWorkflow {
    private final TransactionActivities activities =
        Workflow.newActivityStub(
            TransactionActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(30)).build());
    private boolean initDone;
    private Transaction tx;
    private RuntimeException initError;

    @Override
    public TxResult processTransaction(TransactionRequest txRequest) {
      try {
        tx = activities.initTransaction(txRequest);
      } catch (RuntimeException e) {
        initError = e;
      } finally {
        initDone = true; // unblocks returnInitResult
      }
      if (initError != null) {
        activities.cancelTransaction(txRequest);
        return new TxResult("", "Transaction cancelled.");
      }
      activities.completeTransaction(tx);
      return new TxResult(tx.id(), "Transaction completed successfully.");
    }

    @Override
    public TxResult returnInitResult() {
      Workflow.await(() -> initDone);
      if (initError != null) {
        throw ApplicationFailure.newFailure(
            "initialization failed: " + initError.getCause().getMessage(), "InitFailed");
      }
      return new TxResult(tx.id(), "Initialization successful");
    }
  }

  /** Completing a transaction waits for the test's go, so the early return is visible. */
  static class TransactionActivitiesImpl implements TransactionActivities {
    final CountDownLatch completeMayRun = new CountDownLatch(1);

    @Override
    public Transaction initTransaction(TransactionRequest txRequest) {
      if (txRequest.amount() <= 0) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Non-retryable Activity Failure: Invalid Amount", "InvalidAmount");
      }
      return new Transaction(
          "TXID-" + txRequest.sourceAccount() + "-" + txRequest.amount(),
          txRequest.sourceAccount(),
          txRequest.targetAccount(),
          txRequest.amount());
    }

    @Override
    public void cancelTransaction(TransactionRequest txRequest) {}

    @Override
    public void completeTransaction(Transaction tx) {
      try {
        if (!completeMayRun.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never let the transaction complete");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static TransactionWorkflow stub(WeftTestEnvironment env, String workflowId) {
    return env.client()
        .newWorkflowStub(
            TransactionWorkflow.class,
            WorkflowOptions.newBuilder()
                .taskQueue(TASK_QUEUE)
                .workflowId(workflowId)
                .idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING)
                .build());
  }

  @Test
  void theUpdateReturnsBeforeTheWorkflowCompletes() {
    TransactionActivitiesImpl activities = new TransactionActivitiesImpl();
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(false))) {
      env.newWorker(TASK_QUEUE)
          .registerWorkflow(TransactionWorkflow.class, TransactionWorkflowImpl::new)
          .registerActivities(activities);
      env.start();

      TransactionWorkflow workflow = stub(env, "early-return-workflow-1");
      WithStartWorkflowOperation<TxResult> start =
          new WithStartWorkflowOperation<>(
              workflow::processTransaction, new TransactionRequest("Bob", "Alice", 1000));
      TxResult early = env.client().executeUpdateWithStart(workflow::returnInitResult, start);

      assertThat(early).isEqualTo(new TxResult("TXID-Bob-1000", "Initialization successful"));
      assertThat(start.getHandle().describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      activities.completeMayRun.countDown();
      assertThat(start.getResult())
          .isEqualTo(new TxResult("TXID-Bob-1000", "Transaction completed successfully."));
    }
  }

  @Test
  void anInvalidAmountFailsTheUpdateAndCancelsTheTransaction() {
    TransactionActivitiesImpl activities = new TransactionActivitiesImpl();
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(false))) {
      env.newWorker(TASK_QUEUE)
          .registerWorkflow(TransactionWorkflow.class, TransactionWorkflowImpl::new)
          .registerActivities(activities);
      env.start();

      TransactionWorkflow workflow = stub(env, "early-return-workflow-2");
      WithStartWorkflowOperation<TxResult> start =
          new WithStartWorkflowOperation<>(
              workflow::processTransaction, new TransactionRequest("Bob", "Alice", -1));
      UpdateFailedException failed =
          catchThrowableOfType(
              UpdateFailedException.class,
              () -> env.client().executeUpdateWithStart(workflow::returnInitResult, start));

      assertThat(failed.getCause()).hasMessageContaining("Invalid Amount");
      assertThat(start.getResult()).isEqualTo(new TxResult("", "Transaction cancelled."));
    }
  }
}
