package dev.weft.internal.runtime;

import dev.weft.converter.Payload;
import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.WeftFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.history.Failure;
import dev.weft.internal.codec.EncodedArguments;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.DynamicSignalHandler;
import dev.weft.workflow.DynamicUpdateHandler;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages to the workflow object: signals and accepted updates run their handlers as
 * coroutines; update requests are validated first (a rejected one leaves no trace in history);
 * queries read the current state without blocking.
 */
final class MessageHandlers {
  private static final Logger log = LoggerFactory.getLogger(MessageHandlers.class);

  private final WorkflowInfo info;
  private final WorkflowDefinition definition;
  private final PayloadConverter payloads;
  private final CurrentTask task;
  private final WorkflowInstance instance;
  private final Map<String, Failure> rejectedUpdates = new HashMap<>();
  private final DynamicHandlers dynamic;

  MessageHandlers(
      WorkflowInfo info,
      WorkflowDefinition definition,
      PayloadConverter payloads,
      CurrentTask task,
      WorkflowInstance instance) {
    this.info = info;
    this.definition = definition;
    this.payloads = payloads;
    this.task = task;
    this.instance = instance;
    this.dynamic = new DynamicHandlers(payloads);
  }

  /** See {@code Workflow.registerListener}. */
  void registerListener(Object listener) {
    dynamic.register(listener, this::signal);
  }

  /** Runs the signal's handler; a signal the type does not handle, or cannot decode, is dropped. */
  void signal(SignalReceived signal) {
    Method method = definition.signals().get(signal.signalName());
    if (method == null) {
      DynamicSignalHandler handler = dynamic.signals();
      if (handler == null) {
        log.warn(
            "run {} of {} got signal '{}', which it does not handle; kept for a dynamic signal"
                + " handler (its signals: {})",
            info.runId(),
            info.workflowType(),
            signal.signalName(),
            definition.signals().keySet());
        dynamic.keep(signal);
        return;
      }
      EncodedArguments args = dynamic.arguments(signal.input());
      instance.spawnHandler(
          "signal-" + signal.signalName(),
          () -> {
            try {
              handler.handle(signal.signalName(), args);
            } catch (RuntimeException | Error e) {
              instance.finishWithFailure(e);
            }
          });
      return;
    }
    Object[] args;
    try {
      args = payloads.decodeArguments(signal.input(), method.getGenericParameterTypes());
    } catch (RuntimeException e) {
      log.warn(
          "run {}: the input of signal '{}' does not fit {}; dropped",
          info.runId(),
          signal.signalName(),
          method,
          e);
      return;
    }
    instance.spawnHandler(
        "signal-" + signal.signalName(),
        () -> {
          try {
            method.invoke(instance.object(), args);
          } catch (InvocationTargetException e) {
            instance.finishWithFailure(e.getCause());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
          }
        });
  }

  /**
   * Validates a requested update against the current state; an accepted one starts its handler, a
   * rejected one is remembered for {@link #rejectedUpdates()} and leaves no trace in history.
   */
  void requestUpdate(EventAttributes.UpdateRequested request) {
    Method method = definition.updates().get(request.updateName());
    if (method == null && dynamic.updates() != null && instance.object() != null) {
      try {
        dynamic.updates().handleValidate(request.updateName(), dynamic.arguments(request.input()));
      } catch (DestroyWorkflowThreadError d) {
        throw d;
      } catch (RuntimeException e) {
        rejectedUpdates.put(request.updateId(), FailureConverter.toFailure(e));
        return;
      }
      runUpdate(request.updateId(), request.updateName(), request.input());
      return;
    }
    if (method == null) {
      rejectedUpdates.put(
          request.updateId(),
          FailureConverter.toFailure(
              new IllegalArgumentException(
                  "workflow type '"
                      + info.workflowType()
                      + "' has no update '"
                      + request.updateName()
                      + "'; its updates: "
                      + definition.updates().keySet())));
      return;
    }
    if (instance.object() == null) {
      rejectedUpdates.put(
          request.updateId(),
          FailureConverter.toFailure(
              new IllegalStateException("the workflow has not started running its code yet")));
      return;
    }
    Method validator = definition.validators().get(request.updateName());
    if (validator != null) {
      try {
        Object[] args =
            payloads.decodeArguments(request.input(), validator.getGenericParameterTypes());
        validator.invoke(instance.object(), args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof DestroyWorkflowThreadError d) {
          throw d;
        }
        rejectedUpdates.put(request.updateId(), FailureConverter.toFailure(e.getCause()));
        return;
      } catch (IllegalAccessException | RuntimeException e) {
        rejectedUpdates.put(request.updateId(), FailureConverter.toFailure(e));
        return;
      }
    }
    runUpdate(request.updateId(), request.updateName(), request.input());
  }

  /** Forgets the rejections of the previous task. */
  void clearRejections() {
    rejectedUpdates.clear();
  }

  /** Returns the updates this task rejected, by update ID, with why. */
  Map<String, Failure> rejectedUpdates() {
    return Map.copyOf(rejectedUpdates);
  }

  /**
   * Runs an accepted update's handler: its result or failure becomes {@code UpdateCompleted}; a
   * throwable that is not a workflow failure fails the task like the workflow method's would.
   */
  void runUpdate(String updateId, String updateName, Payload input) {
    Method method = definition.updates().get(updateName);
    if (method == null && dynamic.updates() != null) {
      DynamicUpdateHandler handler = dynamic.updates();
      EncodedArguments args = dynamic.arguments(input);
      instance.spawnHandler(
          "update-" + updateName,
          () -> {
            Object result;
            try {
              result = handler.handleExecute(updateName, args);
            } catch (WeftFailure f) {
              task.command(
                  new EventAttributes.UpdateCompleted(
                      updateId, null, FailureConverter.toFailure(f)));
              return;
            } catch (RuntimeException | Error e) {
              instance.finishWithFailure(e);
              return;
            }
            completeUpdate(updateId, updateName, result);
          });
      return;
    }
    if (method == null) {
      task.abort(
          new IllegalStateException(
              "history accepted update '"
                  + updateName
                  + "', which workflow type '"
                  + info.workflowType()
                  + "' no longer has; its updates: "
                  + definition.updates().keySet()));
      return;
    }
    Object[] args;
    try {
      args = payloads.decodeArguments(input, method.getGenericParameterTypes());
    } catch (RuntimeException e) {
      task.abort(e);
      return;
    }
    instance.spawnHandler(
        "update-" + updateName,
        () -> {
          Object result;
          try {
            result = method.invoke(instance.object(), args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WeftFailure) {
              task.command(
                  new EventAttributes.UpdateCompleted(
                      updateId, null, FailureConverter.toFailure(cause)));
            } else {
              instance.finishWithFailure(cause);
            }
            return;
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
          }
          completeUpdate(updateId, updateName, result);
        });
  }

  private void completeUpdate(String updateId, String updateName, Object result) {
    task.command(
        new EventAttributes.UpdateCompleted(
            updateId, payloads.encode(result, "result of update '" + updateName + "'"), null));
  }

  /**
   * Answers a query from the current state; the caller marks its thread as a query thread.
   *
   * @throws UnknownQueryException if the type has no such query
   * @throws QueryFailedException if the query method threw, or the code has not started
   */
  Payload query(String queryName, Payload args) {
    Method method = definition.queries().get(queryName);
    if (method == null && dynamic.queries() != null && instance.object() != null) {
      try {
        Object result = dynamic.queries().handle(queryName, dynamic.arguments(args));
        return payloads.encode(result, "result of query '" + queryName + "'");
      } catch (RuntimeException e) {
        throw new QueryFailedException(info.workflowId(), queryName, e);
      }
    }
    if (method == null) {
      throw new UnknownQueryException(
          info.workflowType(), queryName, definition.queries().keySet());
    }
    if (instance.object() == null) {
      throw new QueryFailedException(
          info.workflowId(),
          queryName,
          new IllegalStateException("the workflow has not started running its code yet"));
    }
    Object[] decoded = payloads.decodeArguments(args, method.getGenericParameterTypes());
    try {
      Object result = method.invoke(instance.object(), decoded);
      return payloads.encode(result, "result of query '" + queryName + "'");
    } catch (InvocationTargetException e) {
      throw new QueryFailedException(info.workflowId(), queryName, e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
  }
}
