package dev.weft.internal.runtime;

import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCancelRequested;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.ChildWorkflowCancelRequested;
import dev.weft.history.EventAttributes.LocalActivityRecorded;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SignalExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.TimerCanceled;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.UpdateCompleted;

/** How replay compares a command the code asks for with the command event history recorded. */
final class Commands {
  private Commands() {}

  /**
   * Returns whether two command events are the same command: same kind and identity (sequence
   * number, activity type, marker name and key). Arguments are not compared, so a changed input
   * does not break replay of a run that already passed that point.
   */
  static boolean same(EventAttributes asked, EventAttributes recorded) {
    return switch (asked) {
      case ActivityScheduled a ->
          recorded instanceof ActivityScheduled r
              && a.seq() == r.seq()
              && a.activityType().equals(r.activityType());
      case TimerStarted a -> recorded instanceof TimerStarted r && a.seq() == r.seq();
      case StartChildWorkflowInitiated a ->
          recorded instanceof StartChildWorkflowInitiated r
              && a.seq() == r.seq()
              && a.workflowType().equals(r.workflowType());
      case UpdateCompleted a ->
          recorded instanceof UpdateCompleted r && a.updateId().equals(r.updateId());
      case ChildWorkflowCancelRequested a ->
          recorded instanceof ChildWorkflowCancelRequested r && a.seq() == r.seq();
      case TimerCanceled a -> recorded instanceof TimerCanceled r && a.seq() == r.seq();
      case ActivityCancelRequested a ->
          recorded instanceof ActivityCancelRequested r
              && a.seq() == r.seq()
              && a.waitForCompletion() == r.waitForCompletion();
      case LocalActivityRecorded a ->
          recorded instanceof LocalActivityRecorded r
              && a.seq() == r.seq()
              && a.activityType().equals(r.activityType());
      case SignalExternalWorkflowInitiated a ->
          recorded instanceof SignalExternalWorkflowInitiated r
              && a.seq() == r.seq()
              && a.workflowId().equals(r.workflowId())
              && a.signalName().equals(r.signalName());
      case RequestCancelExternalWorkflowInitiated a ->
          recorded instanceof RequestCancelExternalWorkflowInitiated r
              && a.seq() == r.seq()
              && a.workflowId().equals(r.workflowId());
      case MarkerRecorded a ->
          recorded instanceof MarkerRecorded r
              && a.seq() == r.seq()
              && a.name().equals(r.name())
              && a.key().equals(r.key());
      default -> asked.getClass() == recorded.getClass();
    };
  }

  /** Describes a command for a non-determinism report. */
  static String describe(EventAttributes e) {
    return switch (e) {
      case ActivityScheduled a ->
          "ActivityScheduled(seq " + a.seq() + ", activity type '" + a.activityType() + "')";
      case LocalActivityRecorded a ->
          "LocalActivityRecorded(seq "
              + a.seq()
              + ", activity type '"
              + a.activityType()
              + "', attempt "
              + a.attempt()
              + ")";
      case StartChildWorkflowInitiated c ->
          "StartChildWorkflowInitiated(seq "
              + c.seq()
              + ", workflow type '"
              + c.workflowType()
              + "', ID '"
              + c.workflowId()
              + "')";
      case ChildWorkflowCancelRequested c -> "ChildWorkflowCancelRequested(seq " + c.seq() + ")";
      case SignalExternalWorkflowInitiated x ->
          "SignalExternalWorkflowInitiated(seq "
              + x.seq()
              + ", signal '"
              + x.signalName()
              + "' to '"
              + x.workflowId()
              + "')";
      case RequestCancelExternalWorkflowInitiated x ->
          "RequestCancelExternalWorkflowInitiated(seq " + x.seq() + ", '" + x.workflowId() + "')";
      case UpdateCompleted u -> "UpdateCompleted(update " + u.updateId() + ")";
      case TimerStarted t -> "TimerStarted(seq " + t.seq() + ", " + t.duration() + ")";
      case TimerCanceled t -> "TimerCanceled(seq " + t.seq() + ")";
      case ActivityCancelRequested a ->
          "ActivityCancelRequested(seq "
              + a.seq()
              + (a.waitForCompletion() ? ", waiting for the activity to stop" : "")
              + ")";
      case MarkerRecorded m ->
          "MarkerRecorded(seq "
              + m.seq()
              + ", "
              + m.name()
              + (m.key().isEmpty() ? "" : " '" + m.key() + "'")
              + ")";
      default -> e.getClass().getSimpleName();
    };
  }

  /** The marker name of a version decision ({@code Workflow.getVersion}). */
  static final String VERSION_MARKER = "Version";

  /** Returns whether the event records a version decision. */
  static boolean isVersionMarker(EventAttributes e) {
    return e instanceof MarkerRecorded m && VERSION_MARKER.equals(m.name());
  }

  /** Returns whether the command closes the run. */
  static boolean closesRun(EventAttributes e) {
    return e instanceof EventAttributes.WorkflowCompleted
        || e instanceof EventAttributes.WorkflowFailed
        || e instanceof EventAttributes.WorkflowCanceled
        || e instanceof EventAttributes.WorkflowContinuedAsNew;
  }
}
