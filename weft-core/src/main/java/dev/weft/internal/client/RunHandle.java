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
 * A handle on one run, or on the latest run of a workflow ID when {@code runId} is null (resolved
 * at each call).
 */
final class RunHandle<R> implements WorkflowHandle<R> {
  private final EmbeddedClient client;
  private final String workflowId;
  private final String runId;
  private final Type resultType;

  RunHandle(EmbeddedClient client, String workflowId, String runId, Type resultType) {
    this.client = client;
    this.workflowId = workflowId;
    this.runId = runId;
    this.resultType = resultType;
  }

  private RunRecord run() {
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
    return client.reader().describe(run());
  }

  @Override
  public void signal(String signalName, Object... args) {
    client.controls().signal(run(), signalName, args);
  }

  @Override
  public <T> T query(String queryName, Class<T> resultType, Object... args) {
    return resultType.cast(client.query(run(), queryName, resultType, args));
  }

  @Override
  public <T> T update(String updateName, Class<T> resultType, Object... args) {
    return update(updateName, EmbeddedClient.UPDATE_TIMEOUT, resultType, args);
  }

  @Override
  public <T> T update(String updateName, Duration timeout, Class<T> resultType, Object... args) {
    return resultType.cast(client.update(run(), updateName, resultType, args, timeout));
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
    return client.reader().history(run());
  }

  @Override
  public String toString() {
    return "WorkflowHandle[" + workflowId + (runId == null ? "" : "/" + runId) + "]";
  }
}
