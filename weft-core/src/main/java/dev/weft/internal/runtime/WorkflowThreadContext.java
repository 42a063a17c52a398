package dev.weft.internal.runtime;

/**
 * Which run (and coroutine) the current thread executes for. Set on every coroutine thread, on the
 * thread that runs a workflow task, and on a thread that runs a query.
 */
final class WorkflowThreadContext {
  private static final ThreadLocal<WorkflowThreadContext> CURRENT = new ThreadLocal<>();

  final WorkflowRunner runner;
  final Coroutine coroutine;
  final boolean query;

  private WorkflowThreadContext(WorkflowRunner runner, Coroutine coroutine, boolean query) {
    this.runner = runner;
    this.coroutine = coroutine;
    this.query = query;
  }

  static void enter(WorkflowRunner runner, Coroutine coroutine, boolean query) {
    CURRENT.set(new WorkflowThreadContext(runner, coroutine, query));
  }

  static void exit() {
    CURRENT.remove();
  }

  static WorkflowThreadContext current(String operation) {
    WorkflowThreadContext context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException(
          operation
              + " can only be called from workflow code (a workflow method, signal handler"
              + " or Workflow.async block)");
    }
    return context;
  }

  static boolean isWorkflowThread() {
    return CURRENT.get() != null;
  }

  /** Returns the coroutine, or fails if this thread may not block (a query, the task thread). */
  Coroutine blockingCoroutine(String operation) {
    if (query) {
      throw new IllegalStateException(
          operation
              + " is not allowed in a query method: queries are read-only and must not block");
    }
    if (coroutine == null) {
      throw new IllegalStateException(
          operation + " must run in workflow code, not while the engine applies events");
    }
    return coroutine;
  }
}
