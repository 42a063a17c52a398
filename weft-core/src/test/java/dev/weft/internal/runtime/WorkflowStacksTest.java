package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which frames the {@code __stack_trace} query shows. */
class WorkflowStacksTest {

  private static StackTraceElement frame(String className, String method) {
    return new StackTraceElement(className, method, "X.java", 1);
  }

  private static List<String> shown(StackTraceElement... stack) {
    return WorkflowStacks.shown(stack).stream()
        .map(f -> f.getClassName() + "." + f.getMethodName())
        .toList();
  }

  @Test
  void keepsTheApiCallAndTheUsersFramesOnly() {
    assertThat(
            shown(
                frame("java.util.concurrent.Semaphore", "acquireUninterruptibly"),
                frame("dev.weft.internal.runtime.CoroutineScheduler", "yieldUntil"),
                frame("dev.weft.internal.runtime.WorkflowInternal", "sleep"),
                frame("dev.weft.workflow.Workflow", "sleep"),
                frame("com.acme.OrderImpl", "waitForPayment"),
                frame("com.acme.OrderImpl", "run"),
                frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
                frame("java.lang.reflect.Method", "invoke"),
                frame("dev.weft.internal.runtime.WorkflowInstance", "runMain"),
                frame("java.lang.VirtualThread", "run")))
        .containsExactly(
            "dev.weft.workflow.Workflow.sleep",
            "com.acme.OrderImpl.waitForPayment",
            "com.acme.OrderImpl.run");
  }

  @Test
  void keepsTheEngineFrameTheUserCalledDirectly() {
    assertThat(
            shown(
                frame("dev.weft.internal.runtime.CoroutineScheduler", "yieldUntil"),
                frame("dev.weft.internal.runtime.WorkflowPromise", "get"),
                frame("com.acme.OrderImpl", "run"),
                frame("dev.weft.internal.runtime.WorkflowInstance", "runMain")))
        .containsExactly("dev.weft.internal.runtime.WorkflowPromise.get", "com.acme.OrderImpl.run");
  }

  @Test
  void dropsTheGlueOfAsyncBelowTheUsersFrames() {
    assertThat(
            shown(
                frame("dev.weft.workflow.Workflow", "await"),
                frame("com.acme.OrderImpl", "lambda$run$0"),
                frame("dev.weft.workflow.Workflow", "lambda$async$1"),
                frame("dev.weft.internal.runtime.Concurrency", "lambda$async$0")))
        .containsExactly("dev.weft.workflow.Workflow.await", "com.acme.OrderImpl.lambda$run$0");
  }
}
