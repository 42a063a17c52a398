package dev.weft.schedules.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import java.util.List;

/**
 * What a schedule's overlap policy needs to know and do about the runs it started: which still run,
 * and cancelling or terminating them.
 */
@ActivityInterface
public interface RunControlActivities {

  /** Returns those of {@code workflowIds} whose latest run is running, in the same order. */
  @ActivityMethod(name = "__weft_schedule_open_runs")
  List<String> openRuns(List<String> workflowIds);

  /** Requests the cancellation of each workflow's running run (one already closed is left). */
  @ActivityMethod(name = "__weft_schedule_cancel_runs")
  void cancel(List<String> workflowIds, String reason);

  /** Terminates each workflow's running run (one already closed is left). */
  @ActivityMethod(name = "__weft_schedule_terminate_runs")
  void terminate(List<String> workflowIds, String reason);
}
