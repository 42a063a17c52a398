package dev.weft.internal.client;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.internal.stub.RunRef;
import dev.weft.internal.stub.WorkflowCalls;
import dev.weft.store.RunRecord;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The embedded client's untyped operations, on the store, for typed stubs. */
final class EmbeddedCalls implements WorkflowCalls {
  private final EmbeddedClient client;
  private final Starts starts;
  private final RunControls controls;
  private final RunReader reader;
  private final Queries queries;
  private final Updates updates;
  private final UpdatesWithStart updatesWithStart;

  EmbeddedCalls(
      EmbeddedClient client,
      Starts starts,
      RunControls controls,
      RunReader reader,
      Queries queries,
      Updates updates,
      UpdatesWithStart updatesWithStart) {
    this.client = client;
    this.starts = starts;
    this.controls = controls;
    this.reader = reader;
    this.queries = queries;
    this.updates = updates;
    this.updatesWithStart = updatesWithStart;
  }

  @Override
  public RunRef start(String workflowType, WorkflowOptions options, Object[] args) {
    return ref(starts.start(workflowType, options, args));
  }

  RunRecord startsWithWrites(
      String workflowType,
      WorkflowOptions options,
      java.util.function.Function<String, java.util.List<dev.weft.store.Write>> alongWith,
      Object[] args) {
    return starts.startWithWrites(workflowType, options, alongWith, args);
  }

  @Override
  public RunRef signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String signalName,
      Object[] signalArgs) {
    return ref(starts.signalWithStart(workflowType, options, args, signalName, signalArgs));
  }

  @Override
  public Object updateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String updateName,
      Object[] updateArgs,
      Type resultType,
      Consumer<RunRef> onRun) {
    try {
      return updatesWithStart.execute(
          workflowType,
          options,
          args,
          updateName,
          updateArgs,
          resultType,
          EmbeddedClient.UPDATE_TIMEOUT,
          run -> onRun.accept(ref(run)));
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public void signal(String workflowId, String runId, String signalName, Object[] args) {
    controls.signal(reader.resolve(workflowId, runId), signalName, args);
  }

  @Override
  public Object query(
      String workflowId, String runId, String queryName, Type resultType, Object[] args) {
    return query(reader.resolve(workflowId, runId), queryName, resultType, args);
  }

  Object query(RunRecord run, String queryName, Type resultType, Object[] args) {
    return queries.query(run, queryName, resultType, args);
  }

  @Override
  public Object update(
      String workflowId,
      String runId,
      String updateName,
      Type resultType,
      Object[] args,
      Duration timeout) {
    return update(reader.resolve(workflowId, runId), updateName, resultType, args, timeout);
  }

  Object update(
      RunRecord run, String updateName, Type resultType, Object[] args, Duration timeout) {
    try {
      return updates.update(run, updateName, resultType, args, timeout);
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public <R> WorkflowHandle<R> handle(
      String workflowId, String runId, boolean bound, Type resultType) {
    return new RunHandle<>(client, workflowId, runId, bound, resultType);
  }

  @Override
  public void requireRun(String workflowId, String runId) {
    reader.resolve(workflowId, runId);
  }

  private static RunRef ref(RunRecord run) {
    return new RunRef(run.workflowId(), run.runId());
  }
}
