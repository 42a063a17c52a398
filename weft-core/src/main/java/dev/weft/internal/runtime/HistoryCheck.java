package dev.weft.internal.runtime;

import dev.weft.failure.NonDeterminismException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.WorkflowInfo;
import java.util.function.Supplier;

/**
 * Replays a recorded history against workflow code, outside any engine: the core of the replay
 * tester. Activities are not run; their recorded results are fed back.
 */
public final class HistoryCheck {
  private HistoryCheck() {}

  /**
   * Replays {@code history} against the implementation.
   *
   * @throws NonDeterminismException if the code asks for other commands than the history records
   * @throws IllegalStateException if the code fails otherwise (the cause says how)
   * @throws IllegalArgumentException if the history does not start with {@code WorkflowStarted}
   */
  public static void replay(
      WorkflowHistory history,
      Class<?> workflowInterface,
      Supplier<?> implementation,
      PayloadConverter payloads) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    if (history.events().isEmpty()
        || !(history.events().get(0).attributes() instanceof EventAttributes.WorkflowStarted s)) {
      throw new IllegalArgumentException(
          "history of run " + history.runId() + " does not start with WorkflowStarted");
    }
    if (!definition.isDynamic() && !s.workflowType().equals(definition.type())) {
      throw new IllegalArgumentException(
          "history of run "
              + history.runId()
              + " is of workflow type '"
              + s.workflowType()
              + "', not '"
              + definition.type()
              + "' ("
              + workflowInterface.getName()
              + ")");
    }
    WorkflowRunner runner =
        WorkflowRunners.replayOnly(payloads)
            .create(
                new WorkflowInfo(
                    "replay",
                    history.workflowId(),
                    history.runId(),
                    s.workflowType(),
                    s.taskQueue()),
                definition,
                implementation);
    try {
      HistoryReplayer.replay(runner, history.events());
    } catch (WorkflowTaskFailedException e) {
      if (e.getCause() instanceof NonDeterminismException nd) {
        throw nd;
      }
      throw new IllegalStateException(
          "replaying run " + history.runId() + " failed: " + e.getCause(), e.getCause());
    } finally {
      runner.destroy();
    }
  }

  /** Returns the number of workflow tasks a history records. */
  public static long workflowTasks(WorkflowHistory history) {
    return history.events().stream()
        .map(HistoryEvent::attributes)
        .filter(a -> a instanceof EventAttributes.WorkflowTaskCompleted)
        .count();
  }
}
