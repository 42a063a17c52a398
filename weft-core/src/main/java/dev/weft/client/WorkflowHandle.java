package dev.weft.client;

import dev.weft.history.WorkflowHistory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a workflow. A handle returned by a start, or by {@link WeftClient#getHandle(String)},
 * follows the workflow ID, as Temporal's stubs do: {@link #signal}, {@link #query}, {@link
 * #update}, {@link #cancel}, {@link #terminate}, {@link #pause} and {@link #resume} reach the
 * workflow's current run (resolved at each call, so after a continue-as-new they reach the new
 * run), and {@link #getResult()} waits for the last run of the chain that began with the run it was
 * created from (continue-as-new, retries). {@link #runId()}, {@link #describe()} and {@link
 * #fetchHistory()} are about the run it was created from. A handle from {@link
 * WeftClient#getHandle(String, String)} is bound to the run it names: every call reaches that run,
 * and only its result follows the chain. Thread-safe.
 *
 * @param <R> the result type
 */
public interface WorkflowHandle<R> {

  /** Returns the workflow ID. */
  String workflowId();

  /**
   * Returns the run this handle was created from (the run a start started, or the run the caller
   * named); for a handle from a workflow ID alone, the current run at the time of the call.
   */
  String runId();

  /**
   * Waits for the workflow to close and returns its result: following continue-as-new and retries
   * to the last run of the chain.
   *
   * @throws dev.weft.failure.WorkflowFailedException if it failed, was cancelled or terminated
   */
  R getResult();

  /**
   * Waits at most {@code timeout} for the result.
   *
   * @throws java.util.concurrent.CompletionException wrapping a {@link
   *     java.util.concurrent.TimeoutException} if the run did not close in time
   */
  R getResult(Duration timeout);

  /** Returns the result without blocking the caller. */
  CompletableFuture<R> getResultAsync();

  /** Waits for the result and reads it as {@code type}. */
  <T> T getResult(Class<T> type);

  /** Returns the run {@link #runId()} names as an operator sees it. */
  WorkflowDescription describe();

  /**
   * Sends a signal by name.
   *
   * @throws dev.weft.failure.WorkflowNotRunningException if the run is closed
   * @throws dev.weft.failure.UnknownSignalException if the workflow type has no such signal
   */
  void signal(String signalName, Object... args);

  /**
   * Queries the run by query name. The answer reflects every signal, update and event the run
   * accepted before the query (it is answered after the run's pending workflow task, as in
   * Temporal); a closed or paused run is answered at once from what it recorded.
   *
   * @throws java.util.concurrent.CompletionException wrapping a {@link
   *     java.util.concurrent.TimeoutException} if that workflow task did not run within 10 seconds
   *     (no worker polls the run's queue, or its task keeps failing)
   * @throws dev.weft.failure.UnknownQueryException if the workflow type has no such query
   */
  <T> T query(String queryName, Class<T> resultType, Object... args);

  /**
   * Sends an update and waits for its result: the workflow validates it (a rejected update changes
   * nothing and leaves no history), runs its handler, and returns the handler's result. Waits at
   * most one minute; see {@link #update(String, Duration, Class, Object...)}.
   *
   * @throws dev.weft.failure.UpdateRejectedException if the validator refused it
   * @throws dev.weft.failure.UpdateFailedException if the handler failed
   * @throws dev.weft.failure.UnknownUpdateException if the workflow type has no such update
   * @throws dev.weft.failure.WorkflowNotRunningException if the run is closed, or closed before the
   *     update completed
   */
  <T> T update(String updateName, Class<T> resultType, Object... args);

  /**
   * Sends an update and waits at most {@code timeout} for its result.
   *
   * @throws java.util.concurrent.CompletionException wrapping a {@link
   *     java.util.concurrent.TimeoutException} if it did not complete in time (it may still
   *     complete later)
   */
  <T> T update(String updateName, Duration timeout, Class<T> resultType, Object... args);

  /** Requests cancellation: the code sees a {@code CanceledFailure} and may clean up. */
  void cancel(String reason);

  /** Terminates the run at once: its code does not run again. */
  void terminate(String reason);

  /**
   * Pauses the run: none of its workflow tasks or activities is dispatched, and its timers that
   * fall due are held, until {@link #resume}. What is already running finishes, and its results
   * (and signals) are recorded; the run just does not move on. Shown by {@link #describe}. Pausing
   * a paused run keeps the first pause.
   *
   * @param reason why, for whoever looks at it later
   * @throws dev.weft.failure.WorkflowNotRunningException if the run is closed
   */
  void pause(String reason);

  /**
   * Resumes a paused run: its waiting tasks are dispatched and its held timers fire. Resuming a run
   * that is not paused does nothing.
   */
  void resume();

  /** Returns the full history of the run {@link #runId()} names. */
  WorkflowHistory fetchHistory();

  /**
   * Returns the events of the run {@link #runId()} names whose IDs are after {@code afterEventId},
   * waiting for a new one if there is none yet: a long poll, like Temporal's {@code
   * GetWorkflowExecutionHistory} with {@code wait_new_event}. It returns as soon as the run has an
   * event after {@code afterEventId}, at once if the run is closed (with the events after it, maybe
   * none), or after {@code waitNewEvent} with no events. Follow a run by passing the last event ID
   * seen:
   *
   * <pre>{@code
   * long last = 0;
   * while (true) {
   *   WorkflowHistory news = handle.fetchHistory(last, Duration.ofSeconds(20));
   *   news.events().forEach(e -> System.out.println(e));
   *   if (!news.events().isEmpty()) last = news.events().getLast().eventId();
   *   if (handle.describe().status().isClosed() && news.events().isEmpty()) break;
   * }
   * }</pre>
   *
   * <p>The wait wakes on this node's commits of the run at once; a commit by another engine node on
   * the same store is seen within about a second. Safe to call from any thread; the calling thread
   * blocks.
   *
   * @param afterEventId the last event ID the caller has (0 for the whole history)
   * @param waitNewEvent how long to wait when there is no event after it ({@code Duration.ZERO}: do
   *     not wait)
   * @throws IllegalArgumentException if {@code afterEventId} is negative or {@code waitNewEvent}
   *     null or negative
   * @throws dev.weft.failure.WorkflowNotFoundException if the run does not exist
   */
  WorkflowHistory fetchHistory(long afterEventId, Duration waitNewEvent);

  /**
   * Like {@link #fetchHistory(long, Duration)}, but returns at most {@code maxEvents} events: one
   * page of a long history (Temporal's {@code maximum_page_size}), read without the events after
   * it. Page through a run by passing the last event ID of each page:
   *
   * <pre>{@code
   * long last = 0;
   * for (var page = handle.fetchHistory(0, 1000, Duration.ZERO);
   *     !page.events().isEmpty();
   *     page = handle.fetchHistory(last, 1000, Duration.ZERO)) {
   *   last = page.events().getLast().eventId();
   * }
   * }</pre>
   *
   * @param afterEventId the last event ID the caller has (0 for the first page)
   * @param maxEvents the most events to return, 1 or more
   * @param waitNewEvent how long to wait when there is no event after {@code afterEventId}
   * @throws IllegalArgumentException if {@code afterEventId} is negative, {@code maxEvents} less
   *     than 1, or {@code waitNewEvent} null or negative
   * @throws dev.weft.failure.WorkflowNotFoundException if the run does not exist
   */
  WorkflowHistory fetchHistory(long afterEventId, int maxEvents, Duration waitNewEvent);
}
