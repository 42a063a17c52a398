package dev.weft.internal.stub;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The untyped workflow operations a client performs, in the terms typed stubs need (a generic
 * result {@link Type}, a run named by workflow ID and an optional run ID). A {@code runId} of
 * {@code null} means the workflow's current run, resolved at the call.
 */
public interface WorkflowCalls {

  /** Starts a run (validated before anything is written). */
  RunRef start(String workflowType, WorkflowOptions options, Object[] args);

  /** Signals the running run of the options' workflow ID, or starts one with the signal. */
  RunRef signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String signalName,
      Object[] signalArgs);

  /**
   * Runs an update on the running run of the options' workflow ID, or on a run started with it;
   * {@code onRun} learns the run before the wait for the update's result.
   */
  Object updateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String updateName,
      Object[] updateArgs,
      Type resultType,
      Consumer<RunRef> onRun);

  /** Sends a signal. */
  void signal(String workflowId, String runId, String signalName, Object[] args);

  /** Queries a run and reads the answer as {@code resultType}. */
  Object query(String workflowId, String runId, String queryName, Type resultType, Object[] args);

  /** Sends an update and waits at most {@code timeout} for its result. */
  Object update(
      String workflowId,
      String runId,
      String updateName,
      Type resultType,
      Object[] args,
      Duration timeout);

  /**
   * A handle on a workflow ID whose result is read as {@code resultType}: from {@code runId} (or
   * the current run), bound to that run when {@code bound}.
   */
  <R> WorkflowHandle<R> handle(String workflowId, String runId, boolean bound, Type resultType);

  /**
   * Checks that the workflow has that run.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if it has not
   */
  void requireRun(String workflowId, String runId);
}
