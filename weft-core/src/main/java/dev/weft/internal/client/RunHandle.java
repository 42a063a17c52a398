package dev.weft.internal.client;

import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import dev.weft.store.RunRecord;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * A handle on a workflow ID, or on one run of it when bound.
 *
 * <p>An unbound handle (from a start, or from a workflow ID alone) sends its signals, queries,
 * updates, cancels and terminations to the workflow's current run, resolved at each call, and its
 * result is the end of the chain of runs (continue-as-new, retries) from {@code runId}, the run it
 * was created from ({@code null}: the latest run when the result is asked for); its description and
 * history are that run's. A bound handle (the caller named the run) does everything on that run;
 * its result still follows the chain from it.
 */
final class RunHandle<R> implements WorkflowHandle<R> {
  private final EmbeddedClient client;
  private final String workflowId;
  private final String runId;
  private final boolean bound;
  private final Type resultType;

  RunHandle(
      EmbeddedClient client, String workflowId, String runId, boolean bound, Type resultType) {
    this.client = client;
    this.workflowId = workflowId;
    this.runId = runId;
    this.bound = bound;
    this.resultType = resultType;
  }

  /** The run calls go to: the current one, or the bound one. */
  private RunRecord run() {
    return client.reader().resolve(workflowId, bound ? runId : null);
  }

  /** The run runId() names: the one this handle was created from (or the current one). */
  private RunRecord ownRun() {
    return client.reader().resolve(workflowId, runId);
  }

  @Override
  public String workflowId() {
    return workflowId;
  }

  @Override
  public String runId() {
    return runId != null ? runId : run().runId();
  }

  @Override
  public R getResult() {
    return result(resultType, null);
  }

  @Override
  public R getResult(Duration timeout) {
    return result(resultType, timeout);
  }

  @Override
  public <T> T getResult(Class<T> type) {
    return type.cast(result(type, null));
  }

  @Override
  public CompletableFuture<R> getResultAsync() {
    return CompletableFuture.supplyAsync(this::getResult, EmbeddedClient.VIRTUAL_THREADS);
  }

  @SuppressWarnings("unchecked")
  private <T> T result(Type type, Duration timeout) {
    try {
      String id = runId != null ? runId : run().runId();
      return (T) client.reader().awaitResult(workflowId, id, type, timeout);
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public WorkflowDescription describe() {
    return client.reader().describe(ownRun());
  }

  @Override
  public void signal(String signalName, Object... args) {
    client.controls().signal(run(), signalName, args);
  }

  @Override
  public <T> T query(String queryName, Class<T> resultType, Object... args) {
    return resultType.cast(client.embeddedCalls().query(run(), queryName, resultType, args));
  }

  @Override
  public <T> T update(String updateName, Class<T> resultType, Object... args) {
    return update(updateName, EmbeddedClient.UPDATE_TIMEOUT, resultType, args);
  }

  @Override
  public <T> T update(String updateName, Duration timeout, Class<T> resultType, Object... args) {
    return resultType.cast(
        client.embeddedCalls().update(run(), updateName, resultType, args, timeout));
  }

  @Override
  public void cancel(String reason) {
    client.controls().cancel(run(), reason);
  }

  @Override
  public void terminate(String reason) {
    client.controls().terminate(run(), reason);
  }

  @Override
  public void pause(String reason) {
    client.controls().pause(run(), reason);
  }

  @Override
  public void resume() {
    client.controls().resume(run());
  }

  @Override
  public WorkflowHistory fetchHistory() {
    return client.reader().history(ownRun());
  }

  @Override
  public WorkflowHistory fetchHistory(long afterEventId, Duration waitNewEvent) {
    return fetchHistory(afterEventId, Integer.MAX_VALUE, waitNewEvent);
  }

  @Override
  public WorkflowHistory fetchHistory(long afterEventId, int maxEvents, Duration waitNewEvent) {
    if (afterEventId < 0 || maxEvents < 1 || waitNewEvent == null || waitNewEvent.isNegative()) {
      throw new IllegalArgumentException(
          "fetchHistory of "
              + workflowId
              + ": afterEventId must be 0 or more (was "
              + afterEventId
              + "), maxEvents 1 or more (was "
              + maxEvents
              + ") and waitNewEvent a duration of zero or more (was "
              + waitNewEvent
              + ")");
    }
    return client.reader().historyAfter(ownRun(), afterEventId, maxEvents, waitNewEvent);
  }

  @Override
  public String toString() {
    return "WorkflowHandle["
        + workflowId
        + (runId == null ? "" : (bound ? "/" : ", started as ") + runId)
        + "]";
  }
}
