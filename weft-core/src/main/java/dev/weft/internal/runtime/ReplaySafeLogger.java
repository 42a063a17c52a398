package dev.weft.internal.runtime;

import dev.weft.workflow.WorkflowInfo;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * The logger behind {@code Workflow.getLogger}: drops every line while the calling workflow code is
 * replayed (so a run rebuilt after a cache eviction or on another node logs nothing twice), and
 * puts the run's identity in the MDC for each line it passes on (keys {@link #WORKFLOW_ID}, {@link
 * #RUN_ID}, {@link #WORKFLOW_TYPE}, {@link #TASK_QUEUE}, Temporal's names). Outside workflow code
 * it logs like the logger it wraps. Thread-safe: it keeps no state of its own.
 */
public final class ReplaySafeLogger extends AbstractLogger {
  /** The MDC key of the workflow ID. */
  public static final String WORKFLOW_ID = "WorkflowId";

  /** The MDC key of the run ID. */
  public static final String RUN_ID = "RunId";

  /** The MDC key of the workflow type. */
  public static final String WORKFLOW_TYPE = "WorkflowType";

  /** The MDC key of the task queue. */
  public static final String TASK_QUEUE = "TaskQueue";

  private static final String[] KEYS = {WORKFLOW_ID, RUN_ID, WORKFLOW_TYPE, TASK_QUEUE};

  private final transient Logger delegate;

  /** Wraps {@code delegate}. */
  public ReplaySafeLogger(Logger delegate) {
    this.delegate = delegate;
    this.name = delegate.getName();
  }

  /** Returns whether the calling thread runs workflow code that is being replayed. */
  private static boolean replaying() {
    return WorkflowThreadContext.isWorkflowThread()
        && WorkflowThreadContext.current("logging").runner.isReplaying();
  }

  private boolean enabled(BooleanSupplier level) {
    return !replaying() && level.getAsBoolean();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(delegate::isTraceEnabled);
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return enabled(() -> delegate.isTraceEnabled(marker));
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(delegate::isDebugEnabled);
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return enabled(() -> delegate.isDebugEnabled(marker));
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(delegate::isInfoEnabled);
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return enabled(() -> delegate.isInfoEnabled(marker));
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(delegate::isWarnEnabled);
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return enabled(() -> delegate.isWarnEnabled(marker));
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(delegate::isErrorEnabled);
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return enabled(() -> delegate.isErrorEnabled(marker));
  }

  /**
   * The logging methods the caller calls are {@link AbstractLogger}'s: the frame after them is the
   * caller's line.
   */
  @Override
  protected String getFullyQualifiedCallerName() {
    return AbstractLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
    WorkflowInfo run =
        WorkflowThreadContext.isWorkflowThread()
            ? WorkflowThreadContext.current("logging").runner.info()
            : null;
    String[] previous = run == null ? null : putRun(run);
    try {
      if (delegate instanceof LocationAwareLogger located) {
        located.log(
            marker, getFullyQualifiedCallerName(), level.toInt(), message, arguments, throwable);
      } else {
        delegate
            .atLevel(level)
            .addMarker(marker)
            .setCause(throwable)
            .log(message, arguments == null ? new Object[0] : arguments);
      }
    } finally {
      if (previous != null) {
        restore(previous);
      }
    }
  }

  private static String[] putRun(WorkflowInfo run) {
    String[] previous = new String[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      previous[i] = MDC.get(KEYS[i]);
    }
    MDC.put(WORKFLOW_ID, run.workflowId());
    MDC.put(RUN_ID, run.runId());
    MDC.put(WORKFLOW_TYPE, run.workflowType());
    MDC.put(TASK_QUEUE, run.taskQueue());
    return previous;
  }

  private static void restore(String[] previous) {
    for (int i = 0; i < KEYS.length; i++) {
      if (previous[i] == null) {
        MDC.remove(KEYS[i]);
      } else {
        MDC.put(KEYS[i], previous[i]);
      }
    }
  }
}
