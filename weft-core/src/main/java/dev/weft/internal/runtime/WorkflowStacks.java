package dev.weft.internal.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders where a run's workflow threads are blocked, for the built-in {@code __stack_trace} query
 * (Temporal's name): one block per live coroutine, its name and state, then its stack filtered to
 * the user's frames plus the Weft call it waits in (JDK, reflection and {@code dev.weft.internal}
 * frames are dropped, since they are the same for every run and say nothing about the user's code).
 *
 * <p>Called only while no coroutine runs (the caller holds the run), so each coroutine is parked in
 * {@link CoroutineScheduler#yieldUntil} or not started yet.
 */
final class WorkflowStacks {
  private static final String[] HIDDEN_PREFIXES = {
    "java.", "javax.", "jdk.internal.", "sun.", "com.sun.", "dev.weft.internal."
  };

  /** The package of the workflow API ({@code Workflow}, {@code Saga}, scopes). */
  private static final String WORKFLOW_API = "dev.weft.workflow.";

  private WorkflowStacks() {}

  /** Returns the text of the query's answer: blocks separated by a blank line, in spawn order. */
  static String describe(List<Coroutine> coroutines) {
    StringBuilder out = new StringBuilder();
    for (Coroutine c : coroutines) {
      if (c.done) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(c.name).append(": ").append(c.started ? "blocked" : "not started").append('\n');
      if (c.started) {
        for (StackTraceElement frame : shown(c.thread.getStackTrace())) {
          out.append("\tat ").append(frame).append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * Keeps the user's frames and, above the topmost of them, the frame of the Weft call it waits in:
   * a public API frame ({@code Workflow.sleep}) is kept as it is; when the user called into an
   * implementation directly ({@code promise.get()}, an activity stub's proxy), the frame just above
   * is kept so the answer still says what the code waits for.
   */
  static List<StackTraceElement> shown(StackTraceElement[] stack) {
    List<StackTraceElement> kept = new ArrayList<>();
    int top = -1;
    for (int i = 0; i < stack.length; i++) {
      if (!hidden(stack[i]) && (top < 0 || !isWeftLambda(stack[i]))) {
        if (top < 0) {
          top = i;
        }
        kept.add(stack[i]);
      }
    }
    if (top > 0 && !isWeftCall(stack[top].getClassName())) {
      kept.add(0, stack[top - 1]);
    }
    return kept;
  }

  /** A public Weft API frame, or a stub's proxy frame (it names the stub's method). */
  private static boolean isWeftCall(String className) {
    return className.startsWith(WORKFLOW_API) || className.startsWith("jdk.proxy");
  }

  /** The glue of {@code Workflow.async(Runnable)} and the like, below the user's frames. */
  private static boolean isWeftLambda(StackTraceElement frame) {
    return frame.getClassName().startsWith(WORKFLOW_API)
        && frame.getMethodName().startsWith("lambda$");
  }

  private static boolean hidden(StackTraceElement frame) {
    String className = frame.getClassName();
    for (String prefix : HIDDEN_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
