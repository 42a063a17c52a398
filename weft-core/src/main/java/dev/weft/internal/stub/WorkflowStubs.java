package dev.weft.internal.stub;

import dev.weft.client.WithStartWorkflowOperation;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.Functions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;

/**
 * Typed workflow stubs. A stub made from options starts its workflow when its workflow method is
 * called (or when a method reference to it is passed to {@code client.start}); a stub bound to a
 * workflow ID signals, queries and awaits the latest run.
 *
 * <p>{@code client.start(stub::process, arg)} works by calling the method reference while this
 * thread is in capture mode: the stub records the call instead of performing it.
 */
final class WorkflowStubs {
  /** How long an update waits for its outcome unless told otherwise. */
  static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(1);

  private static final ThreadLocal<Captured[]> CAPTURE = new ThreadLocal<>();

  /** A workflow method call recorded in capture mode. */
  record Captured(Target target, Method method, Object[] args) {}

  private WorkflowStubs() {}

  /** Runs {@code invocation} in capture mode and returns the workflow call it made. */
  static Captured capture(Runnable invocation) {
    Captured[] slot = new Captured[1];
    CAPTURE.set(slot);
    try {
      invocation.run();
    } finally {
      CAPTURE.remove();
    }
    if (slot[0] == null) {
      throw new IllegalArgumentException(
          "client.start needs a method reference to the workflow method of a stub from"
              + " client.newWorkflowStub, e.g. client.start(stub::process, order)");
    }
    return slot[0];
  }

  /** Starts the workflow of the stub call {@code invocation} makes in capture mode. */
  static <R> WorkflowHandle<R> startCaptured(WorkflowCalls client, Runnable invocation) {
    Captured call = capture(invocation);
    Target target = call.target();
    if (target.options == null) {
      throw new IllegalArgumentException(
          "client.start needs a stub made with WorkflowOptions; this stub is bound to workflow '"
              + target.workflowId
              + "'");
    }
    RunRef run = target.start(client, call.args());
    return client.handle(
        run.workflowId(), run.runId(), false, call.method().getGenericReturnType());
  }

  /** Signal-with-start from two stub calls: the workflow method, then a signal method. */
  static <R> WorkflowHandle<R> signalWithStartCaptured(
      WorkflowCalls client, Functions.Proc start, Functions.Proc signal) {
    Captured startCall = capture(start::apply);
    Captured signalCall = capture(signal::apply);
    Target target = startCall.target();
    if (target.options == null || signalCall.target() != target) {
      throw new IllegalArgumentException(
          "signalWithStart needs two calls on the same stub made with WorkflowOptions: its"
              + " workflow method, then one of its signal methods");
    }
    if (!startCall.method().equals(target.definition.workflowMethod())) {
      throw new IllegalArgumentException(
          "the first call of signalWithStart must be the workflow method, not "
              + startCall.method().getName());
    }
    String signalName = signalNameOf(target.definition, signalCall.method());
    RunRef run =
        client.signalWithStart(
            target.definition.type(),
            target.options,
            startCall.args(),
            signalName,
            signalCall.args());
    target.started = run;
    return client.handle(
        run.workflowId(), run.runId(), false, startCall.method().getGenericReturnType());
  }

  /** Update-with-start from two stub calls: the operation's workflow method, then an update. */
  @SuppressWarnings("unchecked")
  static <U, R> U updateWithStartCaptured(
      WorkflowCalls client, Functions.Func<U> update, WithStartWorkflowOperation<R> operation) {
    Captured startCall = capture(operation.workflowCall()::apply);
    Captured updateCall = capture(update::apply);
    Target target = startCall.target();
    if (target.options == null || updateCall.target() != target) {
      throw new IllegalArgumentException(
          "update-with-start needs two calls on the same stub made with WorkflowOptions: its"
              + " workflow method (in the WithStartWorkflowOperation), then one of its update"
              + " methods");
    }
    if (!startCall.method().equals(target.definition.workflowMethod())) {
      throw new IllegalArgumentException(
          "the WithStartWorkflowOperation must call the workflow method, not "
              + startCall.method().getName());
    }
    String updateName = nameOf(target.definition.updates(), updateCall.method());
    if (updateName == null) {
      throw new IllegalArgumentException(
          "the update of update-with-start must be an update method, not "
              + updateCall.method().getName());
    }
    return (U)
        client.updateWithStart(
            target.definition.type(),
            target.options,
            startCall.args(),
            updateName,
            updateCall.args(),
            updateCall.method().getGenericReturnType(),
            run -> {
              target.started = run;
              operation.started(
                  client.handle(
                      run.workflowId(),
                      run.runId(),
                      false,
                      startCall.method().getGenericReturnType()));
            });
  }

  private static String signalNameOf(WorkflowDefinition definition, Method m) {
    return definition.signals().entrySet().stream()
        .filter(e -> e.getValue().equals(m))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the second call of signalWithStart must be a signal method, not "
                        + m.getName()));
  }

  static <W> W newStub(WorkflowCalls client, Class<W> iface, Target target) {
    InvocationHandler handler =
        (proxy, method, args) -> invoke(client, target, proxy, method, args);
    return iface.cast(
        Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler));
  }

  private static Object invoke(
      WorkflowCalls client, Target target, Object proxy, Method method, Object[] args) {
    Object[] arguments = args == null ? new Object[0] : args;
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == arguments[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "WorkflowStub[" + target.definition.type() + "]";
      };
    }
    Captured[] capture = CAPTURE.get();
    WorkflowDefinition definition = target.definition;
    if (capture != null) {
      capture[0] = new Captured(target, method, arguments);
      return defaultValue(method.getReturnType());
    }
    if (method.equals(definition.workflowMethod())) {
      if (target.options != null && target.started == null) {
        target.start(client, arguments);
      }
      return target.resultHandle(client, method.getGenericReturnType()).getResult();
    }
    String signal = nameOf(definition.signals(), method);
    if (signal != null) {
      client.signal(target.workflowId(), target.runId(), signal, arguments);
      return null;
    }
    String update = nameOf(definition.updates(), method);
    if (update != null) {
      return client.update(
          target.workflowId(),
          target.runId(),
          update,
          method.getGenericReturnType(),
          arguments,
          UPDATE_TIMEOUT);
    }
    String query = nameOf(definition.queries(), method);
    if (query != null) {
      return client.query(
          target.workflowId(), target.runId(), query, method.getGenericReturnType(), arguments);
    }
    throw new IllegalArgumentException(
        method + " is not a method of workflow " + definition.type());
  }

  private static String nameOf(Map<String, Method> methods, Method method) {
    for (Map.Entry<String, Method> e : methods.entrySet()) {
      if (e.getValue().equals(method)) {
        return e.getKey();
      }
    }
    return null;
  }

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }

  /**
   * What a stub is for: options to start with, or a workflow ID (and a run ID when the caller named
   * one); and the run it started. Calls go to the workflow's current run, except on a stub whose
   * caller named the run.
   */
  static final class Target {
    final WorkflowDefinition definition;
    final WorkflowOptions options;
    final String workflowId;
    final String runId;
    volatile RunRef started;

    Target(
        WorkflowDefinition definition, WorkflowOptions options, String workflowId, String runId) {
      this.definition = definition;
      this.options = options;
      this.workflowId = workflowId;
      this.runId = runId;
    }

    RunRef start(WorkflowCalls client, Object[] args) {
      RunRef run = client.start(definition.type(), options, args);
      started = run;
      return run;
    }

    /** The workflow a signal, query or update goes to. */
    String workflowId() {
      RunRef run = started;
      return run != null ? run.workflowId() : idOrFail();
    }

    /** The run it goes to: the current one ({@code null}), or the one the caller named. */
    String runId() {
      return started != null ? null : runId;
    }

    /**
     * The handle whose result the workflow method returns: the end of the chain from the run this
     * stub started or was bound to, or from the current run.
     */
    <R> WorkflowHandle<R> resultHandle(WorkflowCalls client, Type type) {
      RunRef run = started;
      if (run != null) {
        return client.handle(run.workflowId(), run.runId(), false, type);
      }
      return client.handle(idOrFail(), runId, runId != null, type);
    }

    private String idOrFail() {
      if (workflowId == null) {
        throw new IllegalStateException(
            "this stub's workflow has not been started; call its workflow method or"
                + " client.start(stub::method, ...) first");
      }
      return workflowId;
    }
  }
}
