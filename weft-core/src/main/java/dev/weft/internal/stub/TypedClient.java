package dev.weft.internal.stub;

import dev.weft.client.BatchOperation;
import dev.weft.client.BatchOperationDescription;
import dev.weft.client.WeftClient;
import dev.weft.client.WithStartWorkflowOperation;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.internal.batch.BatchOperations;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.Functions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of {@link WeftClient} that is the same for every client: typed stubs, starts by method
 * reference, typed signal-with-start and update-with-start, and the untyped starts, all turned into
 * the client's {@link WorkflowCalls}; batch operations, over the client's public calls.
 */
public abstract class TypedClient implements WeftClient {

  /** How long an update waits for its outcome unless told otherwise. */
  public static final Duration UPDATE_TIMEOUT = WorkflowStubs.UPDATE_TIMEOUT;

  /** The client's untyped operations. */
  protected abstract WorkflowCalls calls();

  @Override
  public <W> W newWorkflowStub(Class<W> workflowInterface, WorkflowOptions options) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    return WorkflowStubs.newStub(
        calls(), workflowInterface, new WorkflowStubs.Target(definition, options, null, null));
  }

  @Override
  public <W> W newWorkflowStub(Class<W> workflowInterface, String workflowId) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    return WorkflowStubs.newStub(
        calls(), workflowInterface, new WorkflowStubs.Target(definition, null, workflowId, null));
  }

  @Override
  public <W> W newWorkflowStub(
      Class<W> workflowInterface, String workflowId, Optional<String> runId) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    if (runId.isPresent()) {
      calls().requireRun(workflowId, runId.get());
    }
    return WorkflowStubs.newStub(
        calls(),
        workflowInterface,
        new WorkflowStubs.Target(definition, null, workflowId, runId.orElse(null)));
  }

  @Override
  public WorkflowHandle<Object> start(
      String workflowType, WorkflowOptions options, Object... args) {
    RunRef run = calls().start(workflowType, options, args == null ? new Object[0] : args);
    return calls().handle(run.workflowId(), run.runId(), false, Object.class);
  }

  @Override
  public <R> WorkflowHandle<R> start(Functions.Func<R> workflow) {
    return WorkflowStubs.startCaptured(calls(), workflow::apply);
  }

  @Override
  public <A1, R> WorkflowHandle<R> start(Functions.Func1<A1, R> workflow, A1 arg1) {
    return WorkflowStubs.startCaptured(calls(), () -> workflow.apply(arg1));
  }

  @Override
  public <A1, A2, R> WorkflowHandle<R> start(
      Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
    return WorkflowStubs.startCaptured(calls(), () -> workflow.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3, R> WorkflowHandle<R> start(
      Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2, A3 arg3) {
    return WorkflowStubs.startCaptured(calls(), () -> workflow.apply(arg1, arg2, arg3));
  }

  @Override
  public WorkflowHandle<Void> start(Functions.Proc workflow) {
    return WorkflowStubs.startCaptured(calls(), workflow::apply);
  }

  @Override
  public <A1> WorkflowHandle<Void> start(Functions.Proc1<A1> workflow, A1 arg1) {
    return WorkflowStubs.startCaptured(calls(), () -> workflow.apply(arg1));
  }

  @Override
  public <A1, A2> WorkflowHandle<Void> start(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2) {
    return WorkflowStubs.startCaptured(calls(), () -> workflow.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3> WorkflowHandle<Void> start(
      Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2, A3 arg3) {
    return WorkflowStubs.startCaptured(calls(), () -> workflow.apply(arg1, arg2, arg3));
  }

  @Override
  public WorkflowHandle<Object> signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String signalName,
      Object... signalArgs) {
    RunRef run =
        calls()
            .signalWithStart(
                workflowType,
                options,
                workflowArgs == null ? new Object[0] : workflowArgs,
                signalName,
                signalArgs == null ? new Object[0] : signalArgs);
    return calls().handle(run.workflowId(), run.runId(), false, Object.class);
  }

  @Override
  public <R> WorkflowHandle<R> signalWithStart(Functions.Func<R> start, Functions.Proc signal) {
    return WorkflowStubs.signalWithStartCaptured(calls(), start::apply, signal);
  }

  @Override
  public WorkflowHandle<Void> signalWithStart(Functions.Proc start, Functions.Proc signal) {
    return WorkflowStubs.signalWithStartCaptured(calls(), start, signal);
  }

  @Override
  public <U> U executeUpdateWithStart(
      Functions.Func<U> update, WithStartWorkflowOperation<?> start) {
    return WorkflowStubs.updateWithStartCaptured(calls(), update, start);
  }

  @Override
  public <U> U executeUpdateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String updateName,
      Class<U> resultType,
      Object... updateArgs) {
    return resultType.cast(
        calls()
            .updateWithStart(
                workflowType,
                options,
                workflowArgs == null ? new Object[0] : workflowArgs,
                updateName,
                updateArgs == null ? new Object[0] : updateArgs,
                resultType,
                run -> {}));
  }

  private BatchOperations batches() {
    return new BatchOperations(this);
  }

  @Override
  public String startBatchOperation(BatchOperation operation) {
    Objects.requireNonNull(operation, "operation");
    return batches().start(operation);
  }

  @Override
  public BatchOperationDescription describeBatchOperation(String jobId) {
    return batches().describe(jobId);
  }

  @Override
  public List<BatchOperationDescription> listBatchOperations(int limit) {
    return batches().list(limit);
  }

  @Override
  public void stopBatchOperation(String jobId, String reason) {
    batches().stop(jobId, reason);
  }
}
