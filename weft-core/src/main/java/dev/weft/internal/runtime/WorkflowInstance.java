package dev.weft.internal.runtime;

import dev.weft.failure.CanceledFailure;
import dev.weft.failure.WeftFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.internal.codec.EncodedArguments;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.definition.WorkflowImplementation;
import dev.weft.workflow.ContinueAsNewOptions;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * The workflow object of a run: made when the run's start event is applied, its workflow method run
 * as the first coroutine, and the way that method (or a handler) ends turned into the run's closing
 * command: completed, failed, cancelled, continued as new, or (for anything that is not a workflow
 * failure) a failed workflow task.
 */
final class WorkflowInstance {
  private final WorkflowInfo info;
  private final WorkflowDefinition definition;
  private final Supplier<?> factory;
  private final PayloadConverter payloads;
  private final CurrentTask task;
  private final CoroutineScheduler scheduler;
  private final ScopeNode rootScope;
  private final Markers markers;
  private WorkflowStarted started;
  private Object object;
  private Runnable deferredMain;

  WorkflowInstance(
      WorkflowInfo info,
      WorkflowDefinition definition,
      Supplier<?> factory,
      PayloadConverter payloads,
      CurrentTask task,
      CoroutineScheduler scheduler,
      ScopeNode rootScope,
      Markers markers) {
    this.info = info;
    this.definition = definition;
    this.factory = factory;
    this.payloads = payloads;
    this.task = task;
    this.scheduler = scheduler;
    this.rootScope = rootScope;
    this.markers = markers;
  }

  /** Makes the workflow object and spawns its workflow method with the run's input. */
  void start(WorkflowStarted started) {
    this.started = started;
    markers.startWith(started.searchAttributes());
    Method method = definition.workflowMethod();
    Object[] args =
        definition.isDynamic()
            ? new Object[] {new EncodedArguments(payloads, started.input())}
            : payloads.decodeArguments(started.input(), method.getGenericParameterTypes());
    object =
        factory instanceof WorkflowImplementation.InitConstructor init
            ? init.newInstance(args)
            : factory.get();
    if (started.runsHandlersBeforeMain()) {
      deferredMain = () -> runMain(method, args);
    } else {
      scheduler.spawn("main", rootScope, () -> runMain(method, args));
    }
  }

  /**
   * Starts the workflow method of a run whose handlers go first, once the first task's inbound
   * events (signals, updates) have spawned theirs: the scheduler runs coroutines in spawn order, so
   * those handlers run before the workflow method, as in Temporal.
   */
  void startDeferredMain() {
    if (deferredMain != null) {
      Runnable main = deferredMain;
      deferredMain = null;
      scheduler.spawn("main", rootScope, main);
    }
  }

  /** Returns how the run started, once its start event was applied. */
  WorkflowStarted started() {
    return started;
  }

  /** Returns the workflow object, or null before the run started. */
  Object object() {
    return object;
  }

  /** Spawns a handler (signal, update) in the root scope. */
  void spawnHandler(String name, Runnable body) {
    scheduler.spawn(name, rootScope, body);
  }

  /** Applies a cancel request: cancels the root scope and everything started in it. */
  void requestCancel(String reason) {
    rootScope.cancelInternal(reason == null ? "workflow cancelled" : reason);
  }

  private void runMain(Method method, Object[] args) {
    Object result;
    try {
      result = method.invoke(object, args);
    } catch (InvocationTargetException e) {
      finishWithFailure(e.getCause());
      return;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
    task.command(
        new EventAttributes.WorkflowCompleted(
            payloads.encode(result, "result of workflow '" + info.workflowType() + "'")));
  }

  /** Turns what the workflow method or a handler threw into the run's closing command. */
  void finishWithFailure(Throwable t) {
    if (t instanceof DestroyWorkflowThreadError d) {
      throw d;
    }
    if (t instanceof ContinueAsNewRequest request) {
      continuedAsNew(request);
      return;
    }
    if (rootScope.isCancelRequested() && causedByCancellation(t)) {
      task.command(new EventAttributes.WorkflowCanceled(t.getMessage()));
    } else if (t instanceof WeftFailure) {
      task.command(new EventAttributes.WorkflowFailed(FailureConverter.toFailure(t)));
    } else {
      task.abort(t);
    }
  }

  /** Records the closing command of a run that continues as a new run. */
  void continuedAsNew(ContinueAsNewRequest request) {
    task.command(
        new EventAttributes.WorkflowContinuedAsNew(
            null,
            request.input,
            markers.currentSearchAttributes(),
            started == null ? null : started.memo(),
            request.workflowType,
            request.taskQueue,
            request.runTimeout));
  }

  /**
   * Unwinds the calling code with a request to continue as a new run of {@code args}.
   *
   * @param workflowType the new run's type, or null for this run's
   */
  ContinueAsNewRequest continueAsNew(
      String workflowType, ContinueAsNewOptions options, Object[] args) {
    return new ContinueAsNewRequest(
        payloads.encodeArguments(
            args, "input of the run that continues workflow '" + info.workflowId() + "'"),
        workflowType == null || workflowType.equals(info.workflowType()) ? null : workflowType,
        options.taskQueue(),
        options.workflowRunTimeout());
  }

  private static boolean causedByCancellation(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof CanceledFailure) {
        return true;
      }
    }
    return false;
  }
}
