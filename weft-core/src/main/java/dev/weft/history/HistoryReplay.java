package dev.weft.history;

import dev.weft.converter.DataConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.definition.WorkflowImplementation;
import dev.weft.internal.runtime.HistoryCheck;
import java.util.function.Supplier;

/**
 * Replays a recorded history against workflow code, outside any engine and without a store: the
 * entry point of replay testers (weft-testing's {@code WorkflowReplayer}) and of tools that check a
 * code change against exported runs before it is deployed.
 *
 * <p>The code runs exactly as an engine replays it after an eviction: each recorded workflow task
 * is run again with its recorded time, activities and child workflows are not run (their recorded
 * outcomes are fed back), and every command the code issues must match the recorded one by kind and
 * identity (sequence number, activity or workflow type, marker name), not by arguments. Local
 * activities must have recorded outcomes; search attributes the code upserts are not checked
 * against any registration.
 *
 * <p>Thread-safe: each call replays on its own state. The workflow code runs on virtual threads of
 * the calling JVM; it must be deterministic, as in an engine.
 *
 * <pre>{@code
 * WorkflowHistory history = WorkflowHistory.read(Path.of("order-42.json"));
 * HistoryReplay.replay(history, OrderWorkflow.class, OrderSaga::new, new JacksonDataConverter());
 * }</pre>
 */
public final class HistoryReplay {
  private HistoryReplay() {}

  /**
   * Replays {@code history} against the implementation of {@code workflowInterface}.
   *
   * @param converter the data converter the history's payloads were written with
   * @throws dev.weft.failure.NonDeterminismException if the code asks for other commands than the
   *     history records; the message names the event, what the code asked for and what was recorded
   * @throws IllegalStateException if the code fails otherwise (the cause says how)
   * @throws IllegalArgumentException if the history does not start with {@code WorkflowStarted} of
   *     the interface's workflow type
   * @throws dev.weft.failure.InvalidDefinitionException if the interface is not a workflow
   *     interface
   */
  public static void replay(
      WorkflowHistory history,
      Class<?> workflowInterface,
      Supplier<?> implementation,
      DataConverter converter) {
    HistoryCheck.replay(
        history,
        workflowInterface,
        implementation,
        new PayloadConverter(converter, null, Long.MAX_VALUE));
  }

  /**
   * Replays {@code history} against an implementation class, made as a worker makes it (with its
   * {@link dev.weft.workflow.WorkflowInit @WorkflowInit} constructor, if it has one).
   *
   * @throws dev.weft.failure.InvalidDefinitionException if the class is not a valid implementation
   *     of the interface
   * @see #replay(WorkflowHistory, Class, Supplier, DataConverter)
   */
  public static void replay(
      WorkflowHistory history,
      Class<?> workflowInterface,
      Class<?> implementationType,
      DataConverter converter) {
    if (!workflowInterface.isAssignableFrom(implementationType)) {
      throw new dev.weft.failure.InvalidDefinitionException(
          implementationType, "does not implement " + workflowInterface.getName());
    }
    replay(
        history,
        workflowInterface,
        WorkflowImplementation.factory(
            implementationType, WorkflowDefinition.of(workflowInterface)),
        converter);
  }

  /** Returns the number of workflow tasks a history records (what a replay runs again). */
  public static long workflowTasks(WorkflowHistory history) {
    return HistoryCheck.workflowTasks(history);
  }
}
