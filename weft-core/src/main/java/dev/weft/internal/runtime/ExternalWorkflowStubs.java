package dev.weft.internal.runtime;

import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.ExternalWorkflowStub;
import dev.weft.workflow.Promise;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** The stubs behind {@code Workflow.newExternalWorkflowStub} and its untyped form. */
public final class ExternalWorkflowStubs {
  private ExternalWorkflowStubs() {}

  /** Returns an untyped stub of a workflow ID (and run, or null for the current run). */
  public static ExternalWorkflowStub untyped(String workflowId, String runId) {
    if (workflowId == null || workflowId.isBlank()) {
      throw new IllegalArgumentException(
          "an external workflow stub needs a workflow ID, was " + quoted(workflowId));
    }
    if (runId != null && runId.isBlank()) {
      throw new IllegalArgumentException(
          "the run ID of external workflow '" + workflowId + "' must not be blank");
    }
    return new Untyped(workflowId, runId);
  }

  /** Returns a typed stub whose signal methods signal the target. */
  public static <T> T typed(Class<T> iface, String workflowId, String runId) {
    WorkflowDefinition definition = WorkflowDefinition.of(iface);
    ExternalWorkflowStub stub = untyped(workflowId, runId);
    Map<Method, String> signals = new HashMap<>();
    definition.signals().forEach((name, method) -> signals.put(method, name));
    return iface.cast(
        Proxy.newProxyInstance(
            iface.getClassLoader(), new Class<?>[] {iface}, new Typed(iface, stub, signals)));
  }

  /** See {@code ExternalWorkflowStub.fromTyped}. */
  public static ExternalWorkflowStub fromTyped(Object typed) {
    if (typed != null
        && Proxy.isProxyClass(typed.getClass())
        && Proxy.getInvocationHandler(typed) instanceof Typed handler) {
      return handler.stub;
    }
    throw new IllegalArgumentException(
        "not a typed external workflow stub (made by Workflow.newExternalWorkflowStub): " + typed);
  }

  private static String quoted(String s) {
    return s == null ? "null" : "'" + s + "'";
  }

  private record Typed(Class<?> iface, ExternalWorkflowStub stub, Map<Method, String> signals)
      implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default ->
              "ExternalWorkflowStub[" + iface.getSimpleName() + ", " + stub.getWorkflowId() + "]";
        };
      }
      String signal = signals.get(method);
      if (signal == null) {
        throw new IllegalArgumentException(
            "an external workflow stub only sends signals: "
                + iface.getSimpleName()
                + "."
                + method.getName()
                + "() is not a @SignalMethod (a workflow can only signal or cancel another"
                + " workflow; start a child workflow to call its workflow method)");
      }
      stub.signal(signal, args == null ? new Object[0] : args);
      return null;
    }
  }

  private record Untyped(String workflowId, String runId) implements ExternalWorkflowStub {
    @Override
    public String getWorkflowId() {
      return workflowId;
    }

    @Override
    public String getRunId() {
      return runId;
    }

    @Override
    public void signal(String signalName, Object... args) {
      signalAsync(signalName, args).get();
    }

    @Override
    public Promise<Void> signalAsync(String signalName, Object... args) {
      if (signalName == null || signalName.isBlank()) {
        throw new IllegalArgumentException(
            "a signal to external workflow '"
                + workflowId
                + "' needs a signal name, was "
                + quoted(signalName));
      }
      String operation = "signalling external workflow '" + workflowId + "'";
      WorkflowThreadContext context = WorkflowThreadContext.current(operation);
      context.blockingCoroutine(operation);
      return context.runner.calls().signalExternal(workflowId, runId, signalName, args);
    }

    @Override
    public void cancel() {
      cancelAsync().get();
    }

    @Override
    public Promise<Void> cancelAsync() {
      String operation = "cancelling external workflow '" + workflowId + "'";
      WorkflowThreadContext context = WorkflowThreadContext.current(operation);
      context.blockingCoroutine(operation);
      return context.runner.calls().cancelExternal(workflowId, runId);
    }
  }
}
