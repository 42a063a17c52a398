package dev.weft.examples.saga;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link SagaCrashTest}: runs the order saga on a durable SQLite file in a
 * folder, with a {@link FileOrderLedger} beside it.
 *
 * <p>{@code <dir> first} starts an order that cannot ship, with a refund that hangs once done (see
 * {@link HangingRefunds}), and waits to be killed. {@code <dir> second} opens the same file, waits
 * for the run to close, and writes its outcome ({@value #OUTCOME}) and history ({@value #HISTORY})
 * into the folder.
 */
public final class SagaCrashChild {
  static final Order ORDER = new Order("crash-1", "WEFT-MUG", 1, 1200, "Atlantis");
  static final String LEDGER = "ledger.txt";
  static final String MARKER = "refund-started";
  static final String OUTCOME = "outcome.txt";
  static final String HISTORY = "history.json";

  private SagaCrashChild() {}

  /** Runs one phase: {@code <dir> first|second}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    boolean first = args[1].equals("first");
    OrderLedger ledger = new FileOrderLedger(dir.resolve(LEDGER));
    PaymentActivities payments = new LedgerPayments(ledger);
    if (first) {
      payments = new HangingRefunds(payments, dir.resolve(MARKER));
    }
    WeftEngine engine =
        WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    engine
        .newWorker(OrderWorkflow.TASK_QUEUE)
        .registerWorkflow(OrderWorkflow.class, OrderSaga::new)
        .registerActivities(new LedgerInventory(ledger))
        .registerActivities(payments)
        .registerActivities(new LedgerShipping(ledger, Set.of(ORDER.destination())));
    engine.start();
    if (first) {
      start(engine.client());
      new CountDownLatch(1).await(60, TimeUnit.SECONDS);
      Runtime.getRuntime().halt(3);
    }
    awaitOutcome(engine.client(), dir);
    engine.close();
    System.exit(0);
  }

  private static void start(WeftClient client) {
    OrderWorkflow stub =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .workflowId(ORDER.workflowId())
                .taskQueue(OrderWorkflow.TASK_QUEUE)
                .build());
    client.start(stub::process, ORDER);
  }

  private static void awaitOutcome(WeftClient client, Path dir) throws Exception {
    WorkflowHandle<Object> handle = client.getHandle(ORDER.workflowId());
    String outcome;
    try {
      handle.getResult(Duration.ofSeconds(30));
      outcome = "COMPLETED";
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause() == null ? null : e.getCause().getCause();
      outcome =
          e.getStatus()
              + "\n"
              + (cause instanceof ApplicationFailure f ? f.getType() + ": " + f.getMessage() : e);
    }
    Files.writeString(dir.resolve(OUTCOME), outcome);
    Files.writeString(dir.resolve(HISTORY), handle.fetchHistory().toJson());
  }
}
