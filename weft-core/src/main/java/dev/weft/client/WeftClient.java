package dev.weft.client;

import dev.weft.history.WorkflowHistory;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.RateLimit;
import dev.weft.workflow.Functions;

/**
 * Starts workflows and finds running ones. Get one from the engine ({@code engine.client()}).
 * Thread-safe.
 *
 * <p>Typed starts go through a stub and a method reference, as in Temporal:
 *
 * <pre>{@code
 * OrderWorkflow stub = client.newWorkflowStub(OrderWorkflow.class, options);
 * WorkflowHandle<String> handle = client.start(stub::process, order);   // returns at once
 * String receipt = stub.process(order);                                // or: start and wait
 * }</pre>
 *
 * <p>Every start validates its input before writing anything: a non-serializable argument, a
 * payload over the limit, an unknown workflow type on a queue this engine serves, or a workflow ID
 * in use raise a typed exception and leave the store unchanged.
 */
public interface WeftClient {

  /**
   * Returns a stub for starting a workflow with {@code options}. Calling its workflow method starts
   * the run and waits for the result; pass a method reference to {@link #start} to start without
   * waiting.
   *
   * @throws dev.weft.failure.InvalidDefinitionException if the interface is not a workflow
   *     interface
   */
  <W> W newWorkflowStub(Class<W> workflowInterface, WorkflowOptions options);

  /**
   * Returns a stub bound to the latest run of a workflow ID: its signal methods signal it, its
   * query methods query it. Its workflow method waits for the run's result.
   */
  <W> W newWorkflowStub(Class<W> workflowInterface, String workflowId);

  /** Starts a workflow by type name with positional arguments. */
  WorkflowHandle<Object> start(String workflowType, WorkflowOptions options, Object... args);

  /** Starts the workflow whose stub method is referenced. */
  <R> WorkflowHandle<R> start(Functions.Func<R> workflow);

  /** Starts the workflow whose stub method is referenced, with one argument. */
  <A1, R> WorkflowHandle<R> start(Functions.Func1<A1, R> workflow, A1 arg1);

  /** Starts the workflow whose stub method is referenced, with two arguments. */
  <A1, A2, R> WorkflowHandle<R> start(Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2);

  /** Starts the workflow whose stub method is referenced, with three arguments. */
  <A1, A2, A3, R> WorkflowHandle<R> start(
      Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2, A3 arg3);

  /** Starts the workflow (returning void) whose stub method is referenced. */
  WorkflowHandle<Void> start(Functions.Proc workflow);

  /** Starts the workflow (returning void) whose stub method is referenced, with one argument. */
  <A1> WorkflowHandle<Void> start(Functions.Proc1<A1> workflow, A1 arg1);

  /** Starts the workflow (returning void) whose stub method is referenced, with two arguments. */
  <A1, A2> WorkflowHandle<Void> start(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2);

  /** Starts the workflow (returning void) whose stub method is referenced, with three arguments. */
  <A1, A2, A3> WorkflowHandle<Void> start(
      Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2, A3 arg3);

  /**
   * Signals the running run of {@code options.workflowId()}, or, if none is running, starts one
   * with the signal already delivered (its workflow code sees the signal in its first workflow
   * task), in one atomic step. The workflow ID is required.
   *
   * @throws dev.weft.failure.WorkflowAlreadyStartedException if no run is running and the ID reuse
   *     policy forbids a new one
   */
  WorkflowHandle<Object> signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String signalName,
      Object... signalArgs);

  /**
   * Typed signal-with-start: two calls on the same stub made with {@link WorkflowOptions}, its
   * workflow method and one of its signal methods.
   *
   * <pre>{@code
   * Order order = client.newWorkflowStub(Order.class, options);
   * client.signalWithStart(() -> order.process(id), () -> order.addItem("mug"));
   * }</pre>
   */
  <R> WorkflowHandle<R> signalWithStart(Functions.Func<R> start, Functions.Proc signal);

  /** Typed signal-with-start of a workflow method that returns nothing. */
  WorkflowHandle<Void> signalWithStart(Functions.Proc start, Functions.Proc signal);

  /**
   * Returns a handle on the latest run of a workflow ID.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if no run has that ID
   */
  WorkflowHandle<Object> getHandle(String workflowId);

  /**
   * Returns a handle on one run.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if there is no such run
   */
  WorkflowHandle<Object> getHandle(String workflowId, String runId);

  /** Lists runs, newest first, one page at a time. */
  WorkflowPage listWorkflows(WorkflowFilter filter);

  /** Counts the runs a filter matches (its paging is ignored). */
  long countWorkflows(WorkflowFilter filter);

  /**
   * Starts a new run of a workflow from a point of one of its runs' history, for fixing a bad
   * deploy: the new run keeps the history before the workflow task that ended at {@code eventId} (a
   * {@code WorkflowTaskCompleted} event, as in Temporal), runs that task again with the current
   * code and goes on from there; work that was pending at that point (activities, timers) is
   * scheduled again, and signals received after it are delivered again. The workflow's running run,
   * if any, is terminated in the same transaction.
   *
   * @param runId the run whose history to use, or {@code null} for the latest
   * @return a handle on the new run
   * @throws dev.weft.failure.InvalidResetPointException if the event is not the end of a workflow
   *     task, or child workflows were open there (nothing is written)
   * @throws dev.weft.failure.WorkflowNotFoundException if there is no such run
   */
  WorkflowHandle<Object> reset(String workflowId, String runId, long eventId, String reason);

  /**
   * Writes a run from an exported history ({@link WorkflowHistory#toJson()}), keeping its workflow
   * and run IDs: a closed history becomes a closed run (for inspection and queries); an open one
   * becomes a running run that goes on from where the history ends, its pending activities and
   * timers scheduled again.
   *
   * @throws dev.weft.failure.WorkflowAlreadyStartedException if the run exists, or the workflow ID
   *     has a running run and the history is open
   * @throws dev.weft.failure.InvalidResetPointException if the open history has child workflows
   *     open
   * @throws IllegalArgumentException if the history is malformed (it must start with
   *     WorkflowStarted, with event IDs 1, 2, 3...)
   */
  WorkflowHandle<Object> importHistory(WorkflowHistory history);

  /**
   * Completes an activity attempt that called {@code Activity.doNotCompleteOnReturn()}, with the
   * task token it handed out ({@code Activity.getInfo().taskToken()}).
   *
   * @throws dev.weft.failure.ActivityNotFoundException if the token names no attempt that is still
   *     waiting (it completed, timed out, was cancelled, or its run closed); nothing is written
   * @throws dev.weft.failure.DataConverterException if the result cannot be serialized
   */
  void completeActivity(String taskToken, Object result);

  /**
   * Fails an activity attempt that completes asynchronously; the activity's retry policy decides
   * whether another attempt follows (mark the failure non-retryable with {@link
   * dev.weft.failure.ApplicationFailure#newNonRetryableFailure} to stop retries).
   *
   * @throws dev.weft.failure.ActivityNotFoundException if the token names no waiting attempt
   */
  void failActivity(String taskToken, Throwable failure);

  /**
   * Records a heartbeat for an activity attempt that completes asynchronously: keeps {@code
   * details} for the next attempt and extends the attempt's heartbeat timeout.
   *
   * @throws dev.weft.failure.ActivityNotFoundException if the token names no waiting attempt (also
   *     when the attempt was cancelled: stop working on it)
   */
  void heartbeatActivity(String taskToken, Object details);

  /**
   * Pauses a task queue: none of its tasks (workflow or activity) is dispatched by any node until
   * {@link #resumeTaskQueue}. Running tasks finish. Pausing a paused queue keeps the first pause.
   *
   * @throws dev.weft.store.UnknownTaskQueueException if no worker ever registered the queue (the
   *     message lists the known ones); nothing changes
   */
  void pauseTaskQueue(String taskQueue, String reason);

  /** Resumes a paused task queue; resuming one that is not paused does nothing. */
  void resumeTaskQueue(String taskQueue);

  /**
   * Pauses the activities of one type on a task queue: they stay queued until {@link
   * #resumeActivityType}; other types go on.
   *
   * @throws dev.weft.store.UnknownTaskQueueException if no worker ever registered the queue
   */
  void pauseActivityType(String taskQueue, String activityType, String reason);

  /** Resumes the activities of one type on a task queue. */
  void resumeActivityType(String taskQueue, String activityType);

  /**
   * Limits how fast a queue's activities start, across all workers and nodes (a token bucket);
   * {@code null} removes the limit.
   *
   * @throws dev.weft.store.UnknownTaskQueueException if no worker ever registered the queue
   */
  void setTaskQueueRateLimit(String taskQueue, RateLimit rate);

  /**
   * Limits the activities of one fairness key on a queue: how many may run at once, and how fast
   * they may start, across all workers and nodes; {@code null} removes the limits.
   *
   * @throws dev.weft.store.UnknownTaskQueueException if no worker ever registered the queue
   */
  void setFairnessKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit);

  /** Returns the pauses and limits of all task queues. */
  FlowControl flowControl();
}
