package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.stub.TypedClient;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A handle over HTTP, with the embedded handle's rules: unbound, its calls go to the workflow's
 * current run (the server resolves it per call) and its result is the end of the chain from the run
 * it was created from; bound, every call names its run.
 */
final class RemoteHandle<R> implements WorkflowHandle<R> {
  private final RemoteClient client;
  private final String workflowId;
  private final String runId;
  private final boolean bound;
  private final Type resultType;

  RemoteHandle(
      RemoteClient client, String workflowId, String runId, boolean bound, Type resultType) {
    this.client = client;
    this.workflowId = workflowId;
    this.runId = runId;
    this.bound = bound;
    this.resultType = resultType;
  }

  /**
   * The run calls go to: {@code null} (the current one, resolved by the server) or the bound one.
   */
  private String target() {
    return bound ? runId : null;
  }

  @Override
  public String workflowId() {
    return workflowId;
  }

  @Override
  public String runId() {
    return runId != null ? runId : client.currentRunId(workflowId);
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
    return CompletableFuture.supplyAsync(this::getResult, RemoteClient.VIRTUAL_THREADS);
  }

  @SuppressWarnings("unchecked")
  private <T> T result(Type type, Duration timeout) {
    return (T) client.results().await(workflowId, runId(), type, timeout);
  }

  @Override
  public WorkflowDescription describe() {
    return client.describe(workflowId, runId);
  }

  @Override
  public void signal(String signalName, Object... args) {
    client.remoteCalls().signal(workflowId, target(), signalName, args);
  }

  @Override
  public <T> T query(String queryName, Class<T> type, Object... args) {
    return type.cast(client.remoteCalls().query(workflowId, target(), queryName, type, args));
  }

  @Override
  public <T> T update(String updateName, Class<T> type, Object... args) {
    return update(updateName, TypedClient.UPDATE_TIMEOUT, type, args);
  }

  @Override
  public <T> T update(String updateName, Duration timeout, Class<T> type, Object... args) {
    return type.cast(
        client.remoteCalls().update(workflowId, target(), updateName, type, args, timeout));
  }

  @Override
  public void cancel(String reason) {
    control("cancel", reason);
  }

  @Override
  public void terminate(String reason) {
    control("terminate", reason);
  }

  @Override
  public void pause(String reason) {
    control("pause", reason);
  }

  @Override
  public void resume() {
    control("resume", null);
  }

  private void control(String operation, String reason) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    if (reason != null) {
      body.put("reason", reason);
    }
    client
        .api()
        .post(
            RemoteCalls.workflowPath(workflowId) + "/" + operation,
            RemoteCalls.run(target()),
            body,
            Duration.ZERO,
            CallContext.of(operation, workflowId, target()));
  }

  @Override
  public WorkflowHistory fetchHistory() {
    return client.history(workflowId, runId);
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
    return client.historyAfter(workflowId, runId, afterEventId, maxEvents, waitNewEvent);
  }

  @Override
  public String toString() {
    return "WorkflowHandle["
        + workflowId
        + (runId == null ? "" : (bound ? "/" : ", started as ") + runId)
        + " at "
        + client.api().address()
        + "]";
  }
}
