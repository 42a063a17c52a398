package dev.weft.client;

import dev.weft.common.WorkflowStatus;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.remote.RemoteClient;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.RateLimit;
import dev.weft.workflow.Functions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * The built-in query every workflow answers (Temporal's {@code QUERY_TYPE_STACK_TRACE}): a {@code
   * String} with one block per workflow thread (the workflow method, each {@code Workflow.async}
   * block and message handler) that has not ended, its name and state, then {@code \tat frame}
   * lines: the user's frames and, above them, the Weft call it waits in ({@code Workflow.sleep},
   * {@code Promise.get}, an activity stub's method); JDK and engine frames are left out. A cached
   * run answers from memory, any other run from a replay of its history; a closed run answers its
   * last state (empty when its code returned, where it waited when it was terminated or timed out).
   *
   * <pre>{@code
   * String stacks = client.getHandle("order-42").query(WeftClient.QUERY_TYPE_STACK_TRACE, String.class);
   * }</pre>
   */
  String QUERY_TYPE_STACK_TRACE = "__stack_trace";

  /**
   * Returns a client of a Weft server ({@code weft server}, {@code weft dev}, or {@code
   * WeftServer.start} in an application) over its HTTP API, for an application that starts,
   * signals, queries and awaits workflows without hosting workers. Its stubs, handles and
   * exceptions behave as those of {@code engine.client()}, and every method goes through the API:
   * history import, asynchronous activity completion by task token (through the routes remote
   * workers report on, with the same lease fencing), and task queue flow control too. Nothing is
   * sent until the first call. Thread-safe.
   *
   * <pre>{@code
   * WeftClient client = WeftClient.connect("http://127.0.0.1:7070", System.getenv("WEFT_TOKEN"));
   * Order order = client.newWorkflowStub(Order.class,
   *     WorkflowOptions.newBuilder().taskQueue("orders").workflowId("order-42").build());
   * WorkflowHandle<Receipt> handle = client.start(order::process, request);
   * Receipt receipt = handle.getResult();
   * }</pre>
   *
   * <p>A refusal the engine would raise is the same exception, with the same identifiers (read from
   * the problem document's members: {@link dev.weft.failure.WorkflowNotFoundException} with the run
   * ID looked up, {@link dev.weft.failure.WorkflowAlreadyStartedException} with the existing run's
   * ID, {@link dev.weft.failure.ActivityLeaseLostException} with the run and sequence number,
   * {@link dev.weft.store.UnknownTaskQueueException} with the known queues, ...); other refusals (a
   * missing or refused token, an unknown namespace) are {@link WeftApiException}; an unreachable
   * server is an {@link java.io.UncheckedIOException}.
   *
   * @param address the server's base URL, {@code http://host:port} or {@code https://host:port}
   * @param token an API token sent as {@code Authorization: Bearer}, or {@code null} for a server
   *     without tokens
   * @throws IllegalArgumentException if the address is not an http or https URL with a host
   */
  static WeftClient connect(String address, String token) {
    return connect(address, token, WeftClientOptions.getDefaultInstance());
  }

  /**
   * Returns a client of a Weft server over HTTP with options: the namespace, the data converter,
   * timeouts, TLS or an HTTP client of the caller's. See {@link #connect(String, String)}.
   *
   * @throws IllegalArgumentException if the address is not an http or https URL with a host
   */
  static WeftClient connect(String address, String token, WeftClientOptions options) {
    return new RemoteClient(address, token, options);
  }

  /**
   * Returns a stub for starting a workflow with {@code options}. Calling its workflow method starts
   * the run and waits for the result; pass a method reference to {@link #start} to start without
   * waiting.
   *
   * <p>Once started, the stub follows the workflow ID, as in Temporal: its signal, query and update
   * methods reach the workflow's current run (the one a continue-as-new or a retry started, too),
   * and its workflow method returns the result of the last run of the chain.
   *
   * @throws dev.weft.failure.InvalidDefinitionException if the interface is not a workflow
   *     interface
   */
  <W> W newWorkflowStub(Class<W> workflowInterface, WorkflowOptions options);

  /**
   * Returns a stub for a workflow ID: its signal, query and update methods reach the workflow's
   * current run (resolved at each call), and its workflow method waits for the result of the
   * current run's chain (following continue-as-new and retries).
   */
  <W> W newWorkflowStub(Class<W> workflowInterface, String workflowId);

  /**
   * Returns a stub for a workflow ID, bound to one of its runs when {@code runId} is present: then
   * its signal, query and update methods reach that run only (and throw {@link
   * dev.weft.failure.WorkflowNotRunningException} once it closed, even if the workflow went on in
   * another run), and its workflow method waits for the result of the chain from that run. Without
   * a run ID it is {@link #newWorkflowStub(Class, String)}.
   *
   * <pre>{@code
   * Order stub = client.newWorkflowStub(Order.class, "order-1", Optional.of(runId));
   * stub.addItem("mug");   // to that run, not to a later one
   * }</pre>
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if the workflow has no such run
   */
  <W> W newWorkflowStub(Class<W> workflowInterface, String workflowId, Optional<String> runId);

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
   * Update-with-start (Temporal's {@code WorkflowClient.executeUpdateWithStart}): sends an update
   * to the running run of the operation's workflow ID, or starts a run with the update already
   * admitted, and waits (at most one minute) for the update's result. The start and the update's
   * admission commit in one transaction: there is no moment when the new run exists without the
   * update. The stub's options need a workflow ID and {@link
   * WorkflowIdConflictPolicy#USE_EXISTING}. The update handler may return early while the workflow
   * goes on (the early-return pattern); {@code start.getHandle()} is the run, whose result comes
   * later. If the validator rejects the update or its handler fails, the run started stays started
   * (as in Temporal).
   *
   * <pre>{@code
   * Tx tx = client.newWorkflowStub(Tx.class, WorkflowOptions.newBuilder().taskQueue("tx")
   *     .workflowId("tx-" + id).idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING).build());
   * WithStartWorkflowOperation<TxResult> start = new WithStartWorkflowOperation<>(tx::process, req);
   * TxResult early = client.executeUpdateWithStart(() -> tx.returnInitResult(), start);
   * TxResult done = start.getResult();
   * }</pre>
   *
   * @param update a call of one of the stub's update methods
   * @param start the stub's workflow method call, used once
   * @throws IllegalArgumentException if the calls are not a workflow method and an update method of
   *     one stub made with options, or the options lack a workflow ID or USE_EXISTING
   * @throws dev.weft.failure.WorkflowAlreadyStartedException if no run is running and the ID reuse
   *     policy refuses a new one (nothing is written)
   * @throws dev.weft.failure.UpdateRejectedException if the validator refused the update
   * @throws dev.weft.failure.UpdateFailedException if the handler failed
   * @throws java.util.concurrent.CompletionException wrapping a {@link
   *     java.util.concurrent.TimeoutException} if the update did not complete within a minute
   */
  <U> U executeUpdateWithStart(Functions.Func<U> update, WithStartWorkflowOperation<?> start);

  /**
   * Untyped update-with-start: see {@link #executeUpdateWithStart(Functions.Func,
   * WithStartWorkflowOperation)}; {@link #getHandle(String)} finds the run afterwards.
   */
  <U> U executeUpdateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String updateName,
      Class<U> resultType,
      Object... updateArgs);

  /**
   * Returns a handle on a workflow ID: its signals, queries, updates, cancel and terminate reach
   * the workflow's current run, resolved at each call; its result is that of the current run's
   * chain.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if no run has that ID
   */
  WorkflowHandle<Object> getHandle(String workflowId);

  /**
   * Returns a handle bound to one run: every call reaches that run only (a signal after it closed
   * throws {@link dev.weft.failure.WorkflowNotRunningException}); its result follows the chain from
   * that run (continue-as-new, retries) to the final result.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if there is no such run
   */
  WorkflowHandle<Object> getHandle(String workflowId, String runId);

  /** Lists runs, newest first, one page at a time. */
  WorkflowPage listWorkflows(WorkflowFilter filter);

  /**
   * Lists the running runs that need an operator's attention, newest first, one page at a time:
   * runs whose workflow task is failing (a non-determinism error, an exception in workflow code),
   * whose activities are retrying after a failed attempt, or whose workflow task or activities wait
   * with no worker to take them (stalled, see {@code WeftEngine.Builder.stallWarningAfter}). Each
   * run comes with its reasons (kind, attempt, last failure's message, activity seq and type). The
   * store reads only what needs attention (indexes on failing, retrying and waiting tasks), never
   * every run, so this is cheap with any number of runs. Temporal has no single call for this; its
   * closest is a visibility query on {@code TemporalReportedProblems}.
   *
   * <pre>{@code
   * AttentionPage page = client.listRunsNeedingAttention(50, null);
   * for (RunNeedingAttention run : page.runs()) {
   *   System.out.println(run.workflowId() + ": " + run.reasons());
   * }
   * if (page.nextPageToken() != null) {
   *   page = client.listRunsNeedingAttention(50, page.nextPageToken());
   * }
   * }</pre>
   *
   * @param pageSize the most runs in a page, 1 to 1000
   * @param pageToken the previous page's {@link AttentionPage#nextPageToken}, or {@code null} for
   *     the first page
   * @throws IllegalArgumentException if the page size is out of range or the token is not one this
   *     method returned
   */
  AttentionPage listRunsNeedingAttention(int pageSize, String pageToken);

  /** Counts the runs a filter matches (its paging is ignored). */
  long countWorkflows(WorkflowFilter filter);

  /**
   * Counts the runs a filter matches by status (its paging and order are ignored), as Temporal's
   * {@code CountWorkflowExecutions} does with {@code GROUP BY ExecutionStatus}: one entry per
   * status that has runs, in {@link WorkflowStatus} order, summing to {@link #countWorkflows}. One
   * read of the store's index.
   *
   * <pre>{@code
   * Map<WorkflowStatus, Long> counts =
   *     client.countWorkflowsByStatus(WorkflowFilter.query("WorkflowType = 'Order'"));
   * long running = counts.getOrDefault(WorkflowStatus.RUNNING, 0L);
   * }</pre>
   *
   * @throws dev.weft.failure.InvalidQueryException if the filter's query does not parse
   */
  Map<WorkflowStatus, Long> countWorkflowsByStatus(WorkflowFilter filter);

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

  /**
   * Starts a batch operation (Temporal's {@code StartBatchOperation}): a durable system workflow of
   * type {@value #BATCH_WORKFLOW_TYPE}, workflow ID {@code __weft_batch:<jobId>}, on the internal
   * task queue {@code __weft_system} that every engine serves, pages through the runs the query
   * matches (newest first; batch workflows themselves are never matched) and applies the operation
   * to each, at most {@link BatchOperation#maxOperationsPerSecond()} a second, recording progress
   * that {@link #describeBatchOperation} reads. It survives restarts like any run: a page cut off
   * by a crash is applied again (so a signal may reach a run twice; cancel, terminate, pause and
   * resume are idempotent). Batch workflows show in workflow lists with their type; list the others
   * with {@code WorkflowType != '__weft_batch'}.
   *
   * <pre>{@code
   * String jobId = client.startBatchOperation(
   *     BatchOperation.signal("WorkflowType = 'Order'", "price update", "reprice", 0.9));
   * BatchOperationDescription d = client.describeBatchOperation(jobId);
   * }</pre>
   *
   * @return the batch's job ID
   * @throws dev.weft.failure.InvalidQueryException if the query does not parse (nothing is started;
   *     the message names the position)
   * @throws IllegalArgumentException if the query has an {@code ORDER BY}
   * @throws dev.weft.failure.WorkflowAlreadyStartedException if a batch with that job ID exists
   */
  String startBatchOperation(BatchOperation operation);

  /**
   * Describes a batch operation: its state and progress (done, failed with reasons, total).
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if no batch has that job ID
   */
  BatchOperationDescription describeBatchOperation(String jobId);

  /** Lists the namespace's batch operations, newest first, at most {@code limit} (1..1000). */
  List<BatchOperationDescription> listBatchOperations(int limit);

  /**
   * Stops a running batch operation (its system workflow is terminated with {@code reason}): runs
   * not visited yet are left alone; its description keeps the progress it made, state {@link
   * BatchOperationState#STOPPED}.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if no batch has that job ID
   * @throws dev.weft.failure.WorkflowNotRunningException if the batch already ended
   */
  void stopBatchOperation(String jobId, String reason);

  /** The workflow type of batch operations' system workflows. */
  String BATCH_WORKFLOW_TYPE = "__weft_batch";
}
