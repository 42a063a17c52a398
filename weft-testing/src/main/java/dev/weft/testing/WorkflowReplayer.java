package dev.weft.testing;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.history.HistoryReplay;
import dev.weft.history.WorkflowHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Replays recorded histories (JSON exports of runs) against the current workflow code, to prove a
 * code change is compatible with runs in flight before it is deployed.
 *
 * <pre>{@code
 * @Test
 * void orderWorkflowStillReplays() {
 *   WorkflowReplayer.replayWorkflowExecution(
 *       Path.of("src/test/resources/histories/order-42.json"),
 *       OrderWorkflow.class, OrderSaga::new);
 * }
 * }</pre>
 *
 * <p>A mismatch throws {@link dev.weft.failure.NonDeterminismException}, whose message names the
 * history event, what the code asked for, and what the history records.
 */
public final class WorkflowReplayer {
  private WorkflowReplayer() {}

  /** Replays the history in a JSON file. */
  public static void replayWorkflowExecution(
      Path historyJson, Class<?> workflowInterface, Supplier<?> implementation) {
    try {
      replayWorkflowExecution(WorkflowHistory.read(historyJson), workflowInterface, implementation);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read history " + historyJson, e);
    }
  }

  /** Replays a history with the default data converter. */
  public static void replayWorkflowExecution(
      WorkflowHistory history, Class<?> workflowInterface, Supplier<?> implementation) {
    replayWorkflowExecution(history, workflowInterface, implementation, new JacksonDataConverter());
  }

  /**
   * Replays a history with a data converter.
   *
   * @throws dev.weft.failure.NonDeterminismException if the code does not match the history
   * @throws IllegalStateException if the code fails otherwise
   */
  public static void replayWorkflowExecution(
      WorkflowHistory history,
      Class<?> workflowInterface,
      Supplier<?> implementation,
      DataConverter converter) {
    HistoryReplay.replay(history, workflowInterface, implementation, converter);
  }
}
