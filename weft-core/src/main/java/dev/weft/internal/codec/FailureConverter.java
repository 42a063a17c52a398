package dev.weft.internal.codec;

import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.failure.TerminatedFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.history.Failure;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Converts between exceptions and the {@link Failure} records that history stores. */
public final class FailureConverter {
  private static final int MAX_STACK_CHARS = 4_000;
  private static final int MAX_DEPTH = 8;

  private FailureConverter() {}

  /** Records a throwable (and its causes, up to a depth) as a failure. */
  public static Failure toFailure(Throwable t) {
    return toFailure(t, 0);
  }

  private static Failure toFailure(Throwable t, int depth) {
    if (t == null || depth >= MAX_DEPTH) {
      return null;
    }
    if (t instanceof CheckedExceptionWrapper wrapper) {
      return toFailure(wrapper.getCause(), depth);
    }
    Failure cause = t.getCause() == t ? null : toFailure(t.getCause(), depth + 1);
    String stack = stackTrace(t);
    return switch (t) {
      case ApplicationFailure a ->
          new Failure(
              Failure.APPLICATION,
              a.getType(),
              a.getMessage(),
              stack,
              a.isNonRetryable(),
              0,
              0,
              cause,
              null,
              null,
              a.getNextRetryDelay());
      case ActivityFailure a ->
          new Failure(
              Failure.ACTIVITY,
              a.getActivityType(),
              a.getMessage(),
              "",
              false,
              a.getSeq(),
              a.getAttempt(),
              cause);
      case ChildWorkflowFailure c ->
          new Failure(
              Failure.CHILD_WORKFLOW,
              c.getWorkflowType(),
              c.getMessage(),
              "",
              false,
              0,
              0,
              cause,
              c.getWorkflowId(),
              c.getRunId());
      case CanceledFailure c ->
          new Failure(Failure.CANCELED, "Canceled", c.getMessage(), "", false, 0, 0, cause);
      case TimeoutFailure to ->
          new Failure(
              Failure.TIMEOUT, to.getTimeoutType().name(), to.getMessage(), "", false, 0, 0, cause);
      case TerminatedFailure te ->
          new Failure(Failure.TERMINATED, "Terminated", te.getMessage(), "", true, 0, 0, null);
      default ->
          new Failure(
              Failure.APPLICATION,
              t.getClass().getName(),
              String.valueOf(t.getMessage()),
              stack,
              false,
              0,
              0,
              cause);
    };
  }

  /** Rebuilds the exception a failure records. */
  public static RuntimeException toException(Failure f) {
    if (f == null) {
      return null;
    }
    RuntimeException cause = toException(f.cause());
    RuntimeException e =
        switch (f.kind()) {
          case Failure.ACTIVITY -> new ActivityFailure(f.type(), f.seq(), f.attempt(), cause);
          case Failure.CHILD_WORKFLOW ->
              new ChildWorkflowFailure(f.type(), f.workflowId(), f.runId(), cause);
          case Failure.CANCELED -> new CanceledFailure(f.message(), cause);
          case Failure.TIMEOUT -> new TimeoutFailure(timeoutType(f.type()), f.message(), cause);
          case Failure.TERMINATED -> new TerminatedFailure(f.message());
          default ->
              new ApplicationFailure(
                  f.message(), f.type(), f.nonRetryable(), cause, f.nextRetryDelay());
        };
    return e;
  }

  private static TimeoutType timeoutType(String name) {
    try {
      return TimeoutType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return TimeoutType.START_TO_CLOSE;
    }
  }

  private static String stackTrace(Throwable t) {
    StackTraceElement[] frames = t.getStackTrace();
    if (frames.length == 0) {
      return "";
    }
    StringWriter out = new StringWriter();
    PrintWriter writer = new PrintWriter(out);
    for (StackTraceElement frame : frames) {
      writer.println("\tat " + frame);
      if (out.getBuffer().length() > MAX_STACK_CHARS) {
        writer.println("\t...");
        break;
      }
    }
    writer.flush();
    return out.toString();
  }
}
