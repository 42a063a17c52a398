package dev.weft.internal.runtime;

import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.ChildWorkflowStub;
import dev.weft.workflow.Promise;
import java.lang.reflect.Type;

/** A child workflow stub by type name; starts its child once, in the calling workflow code. */
final class UntypedChildWorkflowStub implements ChildWorkflowStub {
  private final String workflowType;
  private final ChildWorkflowOptions options;
  private boolean started;

  UntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
    if (workflowType == null || workflowType.isBlank()) {
      throw new IllegalArgumentException("a child workflow stub needs a workflow type, was blank");
    }
    if (options == null) {
      throw new IllegalArgumentException("ChildWorkflowOptions must not be null");
    }
    this.workflowType = workflowType;
    this.options = options;
  }

  @Override
  public String getWorkflowType() {
    return workflowType;
  }

  @Override
  public ChildWorkflowOptions getOptions() {
    return options;
  }

  @Override
  public <R> R execute(Class<R> resultClass, Object... args) {
    return executeAsync(resultClass, resultClass, args).get();
  }

  @Override
  public <R> R execute(Class<R> resultClass, Type resultType, Object... args) {
    return executeAsync(resultClass, resultType, args).get();
  }

  @Override
  public <R> Promise<R> executeAsync(Class<R> resultClass, Object... args) {
    return executeAsync(resultClass, resultClass, args);
  }

  @Override
  public <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args) {
    String operation = "starting a child workflow";
    WorkflowThreadContext context = WorkflowThreadContext.current(operation);
    if (started) {
      throw new IllegalStateException(
          "this stub already started child workflow '"
              + workflowType
              + "': make a new stub with Workflow.newUntypedChildWorkflowStub for another child");
    }
    started = true;
    return context
        .runner
        .calls()
        .startChildWorkflow(
            context.blockingCoroutine(operation).scope,
            workflowType,
            resultType,
            args == null ? new Object[0] : args,
            options);
  }
}
